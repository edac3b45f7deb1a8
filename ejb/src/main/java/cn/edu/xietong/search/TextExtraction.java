package cn.edu.xietong.search;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The text of a file, for the index (B4, O3.5): PDF, Word, Excel and PowerPoint (old and new formats) and plain text,
 * by Apache Tika with only those parsers. Bounded: files above {@link #MAX_BYTES} are not read, at most
 * {@link #MAX_CHARS} characters are kept, and a file that takes longer than {@link #TIME_LIMIT} gives up. A broken,
 * encrypted or unknown file gives empty text and one log line, never an exception: its name is still indexed.
 */
public final class TextExtraction {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_CHARS = LuceneIndex.MAX_TEXT;
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(TextExtraction.class.getName());

    private static final Parser PARSER = new AutoDetectParser(new DefaultDetector(TextExtraction.class.getClassLoader()),
            new PDFParser(), new OOXMLParser(), new OfficeParser(), new TXTParser());

    /**
     * Extraction runs apart so that a file that takes too long can be left behind (two at a time at most). The threads
     * end after a few idle seconds: a thread that outlived the application would keep its whole class loader (Lucene,
     * Tika, POI) in memory after an undeployment.
     */
    private static final ExecutorService WORKERS = idleEndingPool();

    private static ExecutorService idleEndingPool() {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(2, 2, 5,
                TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "xietong-text-extraction");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private TextExtraction() {
    }

    /** The text of a file's bytes (its name helps to tell the type); empty when it has none that can be read. */
    public static String text(String fileName, byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return "";
        }
        Future<String> work = WORKERS.submit(() -> parse(fileName, content));
        try {
            return work.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return "";
        } catch (Exception e) {
            work.cancel(true);
            LOG.info("no text from " + fileName + ": " + e);
            return "";
        }
    }

    /** The text of a stored file (read from disk, never held whole in memory); empty when it has none. */
    public static String text(String fileName, java.nio.file.Path file) {
        try {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > MAX_BYTES) {
                return "";
            }
        } catch (java.io.IOException e) {
            return "";
        }
        Future<String> work = WORKERS.submit(() -> {
            try (InputStream in = org.apache.tika.io.TikaInputStream.get(file)) {
                return parse(fileName, in);
            }
        });
        try {
            return work.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return "";
        } catch (Exception e) {
            work.cancel(true);
            LOG.info("no text from " + fileName + ": " + e);
            return "";
        }
    }

    private static String parse(String fileName, byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return parse(fileName, in);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String parse(String fileName, InputStream in) {
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            PARSER.parse(in, handler, metadata, new ParseContext());
        } catch (Exception | LinkageError e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                LOG.info("no text from " + fileName + " (" + metadata.get(Metadata.CONTENT_TYPE) + "): " + e);
                return "";
            }
        }
        return handler.toString().strip();
    }
}
