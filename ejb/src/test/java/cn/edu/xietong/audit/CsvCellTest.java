package cn.edu.xietong.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exported audit CSV stays one cell per value and never turns a value into a spreadsheet formula. */
class CsvCellTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertEquals("wangwei.cs", AuditService.cell("wangwei.cs"));
        assertEquals("", AuditService.cell(null));
        assertEquals("计算机学院", AuditService.cell("计算机学院"));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", AuditService.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditService.cell("say \"hi\""));
        assertEquals("\"line\nbreak\"", AuditService.cell("line\nbreak"));
    }

    @Test
    void formulaLikeValuesAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditService.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditService.cell("+1"));
        assertEquals("'@SUM(A1)", AuditService.cell("@SUM(A1)"));
        assertEquals("'-2", AuditService.cell("-2"));
    }
}
