package cn.edu.xietong.files;

import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What may be uploaded (S1: no disallowed types enter the system). A file is accepted only when its name is plain, its
 * size within the limit, its extension on the list of office formats, and its first bytes are what that extension
 * promises: a renamed program, script or web page is refused whatever it is called. Viruses are the scanner's part
 * ({@link VirusScanner}).
 */
public final class UploadCheck {

    /** Default limit per file; the setting {@code xietong.upload.maxBytes} changes it (O2.1) (the web tier refuses beyond 20 MB). */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_NAME = 200;
    /** Characters no file name may hold: path separators, markup, quotes and what Windows refuses in names. */
    static final String FORBIDDEN = "<>\"/\\:|?*";

    private enum Kind { PDF, PNG, JPEG, OOXML, OLE2, TEXT, OFD }

    private static final Map<String, Kind> EXTENSIONS = Map.ofEntries(
            Map.entry("pdf", Kind.PDF), Map.entry("png", Kind.PNG), Map.entry("jpg", Kind.JPEG),
            Map.entry("jpeg", Kind.JPEG), Map.entry("docx", Kind.OOXML), Map.entry("xlsx", Kind.OOXML),
            Map.entry("pptx", Kind.OOXML), Map.entry("doc", Kind.OLE2), Map.entry("xls", Kind.OLE2),
            Map.entry("ppt", Kind.OLE2), Map.entry("wps", Kind.OLE2), Map.entry("txt", Kind.TEXT),
            Map.entry("csv", Kind.TEXT), Map.entry("ofd", Kind.OFD));

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"), Map.entry("wps", "application/vnd.ms-works"),
            Map.entry("txt", "text/plain; charset=UTF-8"), Map.entry("csv", "text/csv; charset=UTF-8"),
            Map.entry("ofd", "application/ofd"));

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /** An accepted upload: its cleaned name, the content type it will be served with, and its SHA-256 (hex). */
    public record Accepted(String name, String contentType, String sha256) {
    }

    private UploadCheck() {
    }

    /** The allowed extensions, for the page's hint and the upload widget. */
    public static String allowedExtensions() {
        return String.join(", ", EXTENSIONS.keySet().stream().sorted().toList());
    }


    /** The refusal of a file over {@code maxBytes} (the limit given in MB); pages that refuse early show the same. */
    public static InvalidInputException tooLarge(long maxBytes) {
        return new InvalidInputException("file.tooLarge", maxBytes / (1024 * 1024));
    }

    /**
     * Checks an upload held in memory.
     *
     * @throws InvalidInputException with a message key under {@code file.} when the file is refused
     */
    public static Accepted check(String fileName, byte[] content, long maxBytes) {
        if (content == null) {
            content = new byte[0];
        }
        byte[] bytes = content;
        return check(fileName, bytes.length, () -> new ByteArrayInputStream(bytes), maxBytes, () -> sha256(bytes));
    }

    /**
     * Checks an upload already written to a file (large uploads are streamed there, never held in memory) by its name,
     * size and content, without reading more of it than its type needs (the head of a PDF, the entries of an office
     * file, all of a text), so that the caller can hash it on the read that follows (the virus scan's). Answers the
     * content type it will be served with.
     *
     * @throws InvalidInputException with a message key under {@code file.} when the file is refused
     */
    public static String checkFile(String fileName, Path content, long maxBytes) {
        long size;
        try {
            size = Files.size(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contentType(checkName(fileName), size, () -> Files.newInputStream(content), maxBytes);
    }

    /** Opens the bytes of an upload from their start, as often as a check needs. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private static Accepted check(String fileName, long size, Source content, long maxBytes,
                                  java.util.function.Supplier<String> sha256) {
        String name = checkName(fileName);
        return new Accepted(name, contentType(name, size, content, maxBytes), sha256.get());
    }

    private static String contentType(String name, long size, Source content, long maxBytes) {
        if (size == 0) {
            throw new InvalidInputException("file.empty");
        }
        if (size > maxBytes) {
            throw tooLarge(maxBytes);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind kind = EXTENSIONS.get(extension);
        if (kind == null) {
            throw new InvalidInputException("file.typeNotAllowed", allowedExtensions());
        }
        try {
            if (!matches(kind, content)) {
                throw new InvalidInputException("file.contentMismatch", extension);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CONTENT_TYPES.get(extension);
    }

    /**
     * The name without spaces around it. A name is refused, never quietly changed (so what is stored is what the
     * person sent, and every refusal is recorded): empty, hidden (a leading dot), with a path, markup or quote
     * character (<code>&lt; &gt; " / \ : | ? *</code>), a control character or a direction control (which could show
     * {@code \u202Efdp.exe} as {@code exe.pdf}), or too long.
     */
    public static String checkName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.startsWith(".") || name.codePoints().anyMatch(UploadCheck::forbidden)) {
            throw new InvalidInputException("file.badName");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("file.nameTooLong", MAX_NAME);
        }
        return name;
    }

    private static boolean forbidden(int c) {
        return FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c) || DisplayText.directionControl(c);
    }

    /** The name as given, for the audit trail of a refused upload: control characters removed, at most 100 long. */
    public static String describe(String fileName) {
        String name = String.valueOf(fileName).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static boolean matches(Kind kind, Source content) throws IOException {
        return switch (kind) {
            case PDF -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            case JPEG -> startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case OLE2 -> startsWith(content, OLE2);
            case OOXML -> zipWith(content, "[Content_Types].xml");
            case OFD -> zipWith(content, "OFD.xml");
            case TEXT -> plainText(content);
        };
    }

    /** Whether the content's head is the prefix (only the head is read). */
    private static boolean startsWith(Source content, byte[] prefix) throws IOException {
        try (InputStream in = content.open()) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        }
    }

    /** A zip archive (office formats are zips) whose entries include the one the format requires. */
    private static boolean zipWith(Source content, String requiredEntry) throws IOException {
        if (!startsWith(content, new byte[]{'P', 'K', 3, 4})) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(content.open())) {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null && entries < 10_000; entry = zip.getNextEntry()) {
                entries++;
                if (entry.getName().equals(requiredEntry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }

    /** UTF-8 without NUL bytes and not a web page or script in disguise; read as a stream, never whole. */
    private static boolean plainText(Source content) throws IOException {
        try (Reader text = new InputStreamReader(content.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            StringBuilder start = new StringBuilder();
            for (int read = text.read(buffer); read >= 0; read = text.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\0') {
                        return false;
                    }
                    if (start.length() < 2 && (start.length() > 0 || !Character.isWhitespace(c))) {
                        start.append(c);
                    }
                }
            }
            String head = start.toString().toLowerCase(Locale.ROOT);
            return !(head.startsWith("<") || head.startsWith("#!"));
        } catch (MalformedInputException | UnmappableCharacterException notUtf8) {
            return false;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
