package cn.edu.xietong.files;

import cn.edu.xietong.shared.CjkFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Stamps a visible watermark on every page of a PDF that leaves the system as a controlled download (S4): the text
 * (who, of which unit, when) across the page diagonally in light grey, repeated, and once more as a footer line, in
 * the server's CJK font. The document is read from a file with a temporary-file cache, so a large PDF does not sit in
 * memory.
 */
public final class PdfWatermark {

    private static final float DIAGONAL_SIZE = 22;
    private static final float FOOTER_SIZE = 8;

    private PdfWatermark() {
    }

    /**
     * Writes the watermarked copy of a PDF.
     *
     * @throws IOException when the file is not a PDF PDFBox can read, or cannot be written
     */
    public static void stamp(Path pdf, String text, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()), null, null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            PDType0Font font = CjkFont.load(document, "document.watermark.noFont");
            PDExtendedGraphicsState light = new PDExtendedGraphicsState();
            light.setNonStrokingAlphaConstant(0.22f);
            for (PDPage page : document.getPages()) {
                stampPage(document, page, font, light, text);
            }
            document.save(out);
        }
    }

    private static void stampPage(PDDocument document, PDPage page, PDType0Font font, PDExtendedGraphicsState light,
                                  String text) throws IOException {
        PDRectangle box = page.getCropBox();
        float width = font.getStringWidth(text) / 1000 * DIAGONAL_SIZE;
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.saveGraphicsState();
            content.setGraphicsStateParameters(light);
            content.setNonStrokingColor(Color.GRAY);
            float step = Math.max(width * 0.8f, 160);
            for (float y = box.getLowerLeftY() - box.getWidth(); y < box.getUpperRightY(); y += step) {
                for (float x = box.getLowerLeftX() - width; x < box.getUpperRightX(); x += width + 40) {
                    content.beginText();
                    content.setFont(font, DIAGONAL_SIZE);
                    content.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), x, y));
                    content.showText(text);
                    content.endText();
                }
            }
            content.restoreGraphicsState();
            content.beginText();
            content.setFont(font, FOOTER_SIZE);
            content.setNonStrokingColor(Color.DARK_GRAY);
            content.newLineAtOffset(box.getLowerLeftX() + 20, box.getLowerLeftY() + 10);
            content.showText(text);
            content.endText();
        }
    }
}
