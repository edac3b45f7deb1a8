package cn.edu.xietong.files;

import cn.edu.xietong.shared.CjkFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S4: a controlled PDF leaves with the person, unit and time on every one of its pages. */
class PdfWatermarkTest {

    @Test
    void everyPageCarriesTheWatermarkWithPersonUnitAndTime(@TempDir Path dir) throws Exception {
        assertTrue(CjkFont.file().isPresent(), "the server's CJK font (fonts-wqy-microhei) is installed");
        Path pdf = dir.resolve("制度.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        String mark = "王伟 · 计算机科学与技术学院 · 2026-12-01 10:00";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWatermark.stamp(pdf, mark, out);

        try (PDDocument stamped = Loader.loadPDF(out.toByteArray())) {
            assertEquals(3, stamped.getNumberOfPages(), "no page lost or added");
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(stamped).replaceAll("\\s+", " ");
                assertTrue(text.contains("王伟") && text.contains("计算机科学与技术学院")
                        && text.contains("2026-12-01 10:00"), "page " + page + ": " + text);
            }
        }
    }
}
