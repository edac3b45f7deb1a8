package cn.edu.xietong.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exported CSV (audit trail, reports) stays one cell per value and never turns a value into a spreadsheet formula. */
class CsvCellTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertEquals("wangwei.cs", Csv.cell("wangwei.cs"));
        assertEquals("", Csv.cell(null));
        assertEquals("计算机学院", Csv.cell("计算机学院"));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"line\nbreak\"", Csv.cell("line\nbreak"));
    }

    @Test
    void formulaLikeValuesAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'-2", Csv.cell("-2"));
    }

    /** OWASP CSV injection: a tab or carriage return before the formula does not get it past the defusing. */
    @Test
    void valuesStartingWithTabOrCarriageReturnAreDefusedToo() {
        assertEquals("'\t=1+1", Csv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", Csv.cell("\r=1+1"));
        assertEquals("'=1", Csv.defused("=1"));
        assertEquals("a=1", Csv.defused("a=1"));
    }
}
