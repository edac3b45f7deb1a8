package cn.edu.xietong.search;

import cn.edu.xietong.flow.ApprovalSheet;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.5, B4: the text of files for the index; a broken file gives no text and no exception. */
class TextExtractionTest {

    @Test
    void chineseTextOfAPdfIsExtracted() throws Exception {
        Path font = ApprovalSheet.fontFile().orElse(null);
        Assumptions.assumeTrue(font != null && font.toString().endsWith(".ttc"), "a Chinese .ttc font");
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            new TrueTypeCollection(font.toFile()).processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(PDType0Font.load(doc, first[0], true), 14);
                s.newLineAtOffset(50, 700);
                s.showText("学生宿舍管理规定 Library rules");
                s.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        String text = TextExtraction.text("规定.pdf", pdf);
        assertTrue(text.contains("学生宿舍管理规定") && text.contains("Library"), text);
    }

    @Test
    void plainTextIsExtracted() {
        assertEquals("图书馆开放时间", TextExtraction.text("a.txt", "图书馆开放时间".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBrokenOrEmptyFileGivesNoTextAndNoException() {
        assertEquals("", TextExtraction.text("broken.pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", TextExtraction.text("broken.docx", new byte[] {0x50, 0x4b, 3, 4, 1, 2, 3}));
        assertEquals("", TextExtraction.text("empty.pdf", new byte[0]));
    }
}
