package cn.edu.xietong.documents;

import cn.edu.xietong.shared.CjkFont;
import cn.edu.xietong.shared.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * How a controlled PDF is viewed (S4): each page rendered on the server as a picture with the viewer's watermark
 * drawn across it, so the file itself never reaches a browser (whose PDF viewer would offer to save it). The PDF is
 * read with a temporary-file cache, not held in memory.
 */
final class PagePictures {

    /** Resolution of a page picture: sharp enough to read on a screen. */
    private static final float DPI = 110;

    private static volatile Font font;

    private PagePictures() {
    }

    static int count(Path pdf) {
        try (PDDocument document = load(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException unreadable) {
            throw new DomainException("document.controlled.noPreview");
        }
    }

    /** Page {@code page} (from 1) as a PNG with the watermark. */
    static byte[] render(Path pdf, int page, String watermark) {
        try (PDDocument document = load(pdf)) {
            if (page < 1 || page > document.getNumberOfPages()) {
                throw new DomainException("document.controlled.noSuchPage");
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            mark(image, watermark);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException unreadable) {
            throw new DomainException("document.controlled.noPreview");
        }
    }

    private static PDDocument load(Path pdf) throws IOException {
        return Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()), null, null, null,
                IOUtils.createTempFileOnlyStreamCache());
    }

    private static void mark(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.2f));
            g.setColor(Color.GRAY);
            g.setFont(font().deriveFont(Font.PLAIN, 22f));
            int width = g.getFontMetrics().stringWidth(text);
            g.rotate(Math.toRadians(-35), image.getWidth() / 2.0, image.getHeight() / 2.0);
            for (int y = -image.getHeight(); y < image.getHeight() * 2; y += 140) {
                for (int x = -image.getWidth(); x < image.getWidth() * 2; x += width + 60) {
                    g.drawString(text, x, y);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static Font font() {
        Font loaded = font;
        if (loaded == null) {
            try {
                loaded = Font.createFont(Font.TRUETYPE_FONT, CjkFont.file()
                        .orElseThrow(() -> new DomainException("document.watermark.noFont")).toFile());
            } catch (FontFormatException | IOException e) {
                throw new UncheckedIOException(new IOException("the CJK font cannot be read", e));
            }
            font = loaded;
        }
        return loaded;
    }
}
