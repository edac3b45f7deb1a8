package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.Folder;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Library;
import cn.edu.xietong.documents.LibrarySeed;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo's documents (O3.5, S4): folders and a few small documents in the computer science school's library and in
 * the public library, one of them controlled, so the libraries show something at once.
 */
final class DemoDocuments {

    private DemoDocuments() {
    }

    static void load(EntityManager em, Map<String, Unit> units, List<Person> everyone, Instant now) {
        Person yangfan = everyone.stream().filter(p -> p.getLogin().equals("yangfan")).findFirst().orElseThrow();
        Library cs = LibrarySeed.unitLibrary(em, units.get("CS"), now);
        // the school's staff write in their library; every unit's IT staff may add public documents
        LibrarySeed.grant(em, cs, units.get("CS"), null, Access.WRITE, now);
        Folder rules = LibrarySeed.folder(em, cs, null, "规章制度", now);
        Folder teaching = LibrarySeed.folder(em, cs, null, "教学资料", now);
        Folder exams = LibrarySeed.folder(em, cs, teaching, "2026 秋季考试", now);
        LibrarySeed.document(em, cs, rules, "实验室安全守则.pdf", "application/pdf",
                pdf("Laboratory safety rules", "1. Keep exits clear.", "2. Report every incident at once."),
                Level.INTERNAL, null, yangfan, now);
        LibrarySeed.document(em, cs, exams, "考试安排.txt", "text/plain; charset=UTF-8",
                "2026 秋季学期期末考试安排\n第 18 周：专业课\n第 19 周：公共课\n".getBytes(StandardCharsets.UTF_8),
                Level.INTERNAL, null, yangfan, now);
        LibrarySeed.document(em, cs, rules, "学生成绩汇总（受控）.pdf", "application/pdf",
                pdf("Grades summary (controlled)", "Viewed online only; downloads need an approval."),
                Level.CONTROLLED, null, yangfan, now);
        Library shared = LibrarySeed.publicLibrary(em);
        LibrarySeed.grant(em, shared, null, "UNIT_IT", Access.WRITE, now);
        Folder handbook = LibrarySeed.folder(em, shared, null, "教职工手册", now);
        LibrarySeed.document(em, shared, handbook, "校历 2026-2027.pdf", "application/pdf",
                pdf("School calendar 2026-2027", "Autumn term: 2026-09-01 to 2027-01-15."),
                Level.PUBLIC, null, yangfan, now);
        LibrarySeed.document(em, shared, null, "常用电话.txt", "text/plain; charset=UTF-8",
                "党政办公室 0571-0000-0001\n现代教育技术中心 0571-0000-0002\n".getBytes(StandardCharsets.UTF_8),
                Level.INTERNAL, null, yangfan, now);
    }

    /** A one-page PDF with these lines (the standard Helvetica font: no font file is needed). */
    private static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.setLeading(20);
                text.newLineAtOffset(72, 720);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
