package cn.edu.xietong.operations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A report line (C1) says what it concerns in full or not at all, and links only inside Xietong. */
class ReportLineTest {

    @Test
    void aSubjectTooLongIsRefusedNeverCut() {
        String longest = "文".repeat(JobReportLine.SUBJECT_LENGTH);
        assertEquals(longest, ReportLine.count("cleanup.mailTrash", longest, 1, 0).subject());
        assertThrows(IllegalArgumentException.class,
                () -> ReportLine.count("cleanup.mailTrash", longest + "x", 1, 0));
    }

    @Test
    void aLinkLeadsInsideXietongOnly() {
        assertEquals("/documents/document.xhtml?id=7",
                ReportLine.finding("inspection.controlledTooWide", "预算", "/documents/document.xhtml?id=7").link());
        assertThrows(IllegalArgumentException.class,
                () -> ReportLine.finding("inspection.controlledTooWide", "预算", "https://evil.example/"));
        assertThrows(IllegalArgumentException.class,
                () -> ReportLine.finding("inspection.controlledTooWide", "预算", "//evil.example/"));
    }

    @Test
    void theKindIsAMessageKeySuffixAndCountsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> ReportLine.count("bad kind", "x", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ReportLine.count("cleanup.drafts", "x", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> ReportLine.count("cleanup.drafts", "x", 0, -5));
    }
}
