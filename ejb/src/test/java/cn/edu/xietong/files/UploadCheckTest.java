package cn.edu.xietong.files;

import cn.edu.xietong.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What may be uploaded (S1): office formats whose content matches their name, plain names, limited size. */
class UploadCheckTest {

    private static final long LIMIT = 1024 * 1024;
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    private static String refusal(String name, byte[] content) {
        return assertThrows(InvalidInputException.class, () -> UploadCheck.check(name, content, LIMIT)).messageKey();
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void officeFormatsWhoseContentMatchesTheirNameAreAcceptedWithTheirTypeAndHash() throws IOException {
        UploadCheck.Accepted pdf = UploadCheck.check("请假证明.PDF", PDF, LIMIT);
        assertEquals("请假证明.PDF", pdf.name());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals(UploadCheck.sha256(PDF), pdf.sha256());
        assertEquals(64, pdf.sha256().length());

        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertTrue(UploadCheck.check("报告.docx", docx, LIMIT).contentType().contains("wordprocessingml"));
        assertEquals("image/png", UploadCheck.check("scan.png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}, LIMIT).contentType());
        assertEquals("application/msword", UploadCheck.check("old.doc",
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0},
                LIMIT).contentType());
        assertTrue(UploadCheck.check("名单.txt", "张三，李四\n".getBytes(StandardCharsets.UTF_8), LIMIT)
                .contentType().startsWith("text/plain"));
    }

    @Test
    void aRenamedProgramScriptOrPageIsRefusedWhateverItIsCalled() throws IOException {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertEquals("file.contentMismatch", refusal("invoice.pdf", program));
        assertEquals("file.contentMismatch", refusal("readme.txt", "<html><script>x()</script>".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("file.contentMismatch", refusal("run.txt", "#!/bin/sh\nrm -rf /".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("file.contentMismatch", refusal("binary.txt", new byte[]{'a', 0, 'b'}));
        assertEquals("file.contentMismatch", refusal("report.docx", zip("payload.js")));
        assertEquals("file.contentMismatch", refusal("photo.jpg", PDF));
    }

    @Test
    void typesOutsideTheListAreRefusedNamingTheAllowedOnes() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> UploadCheck.check("setup.exe", new byte[]{'M', 'Z'}, LIMIT));
        assertEquals("file.typeNotAllowed", refused.messageKey());
        assertTrue(refused.arguments()[0].toString().contains("pdf"));
        assertEquals("file.typeNotAllowed", refusal("page.html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file.typeNotAllowed", refusal("noextension", PDF));
    }

    @Test
    void namesArePlainAndEmptyOrLargeFilesAreRefused() {
        assertEquals("file.badName", refusal("../", PDF));
        assertEquals("file.badName", refusal(".hidden.pdf", PDF));
        assertEquals("file.nameTooLong", refusal("x".repeat(UploadCheck.MAX_NAME) + ".pdf", PDF));
        assertEquals("file.empty", refusal("empty.pdf", new byte[0]));
        assertEquals("file.tooLarge", assertThrows(InvalidInputException.class,
                () -> UploadCheck.check("big.pdf", PDF, PDF.length - 1)).messageKey());
    }

    @Test
    void aRefusedNameIsDescribedForTheAuditTrailWithoutControlCharacters() {
        assertEquals("evil.exe", UploadCheck.describe("evil\r\n.exe"));
        assertEquals(100, UploadCheck.describe("y".repeat(300)).length());
    }

    /** S1: a name with markup, quotes, path separators or control characters is refused, never quietly changed. */
    @Test
    void namesWithMarkupQuotesPathsOrControlCharactersAreRefusedNotCleaned() {
        for (String bad : new String[]{"a<b>.pdf", "<script>.pdf", "say\"hi\".pdf", "../etc/b.pdf", "dir/a.pdf",
                "C:\\Users\\me\\a.pdf", "c\u0000.pdf", "c\u001b.pdf", "line\nbreak.pdf", "\u202Efdp.exe"}) {
            assertEquals("file.badName", refusal(bad, PDF), () -> "refused: " + bad);
        }
        assertEquals("请假 证明(1).pdf", UploadCheck.check(" 请假 证明(1).pdf ", PDF, LIMIT).name());
    }
}
