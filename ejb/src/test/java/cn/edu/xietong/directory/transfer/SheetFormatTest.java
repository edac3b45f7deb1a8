package cn.edu.xietong.directory.transfer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** O3.1: directory files are read and written as CSV and .xlsx alike; other files are refused by content too. */
class SheetFormatTest {

    private static final List<String> HEADER = List.of("login", "name", "unit_code", "email");
    private static final List<List<String>> ROWS = List.of(
            List.of("wang.wei", "王伟", "0101", "wang@example.edu.cn"),
            List.of("li.na", "李娜, 副院长", "CS", ""));

    @Test
    void anXlsxWrittenIsReadBackCellByCellWithLeadingZerosKept() {
        byte[] file = SheetFormat.XLSX.write("people", HEADER, ROWS);
        assertEquals(SheetFormat.XLSX, SheetFormat.of("people.xlsx", file));
        List<List<String>> read = SheetFormat.XLSX.read(file);
        assertEquals(HEADER, read.get(0));
        assertEquals(ROWS.get(0), read.get(1));
        assertEquals("李娜, 副院长", read.get(2).get(1));
    }

    @Test
    void aCsvWithByteOrderMarkQuotesAndCrlfIsReadLikeExcelWroteIt() {
        byte[] file = SheetFormat.CSV.write("people", HEADER, ROWS);
        assertEquals((byte) 0xEF, file[0], "a byte-order mark for Excel");
        List<List<String>> read = SheetFormat.CSV.read(file);
        assertEquals(HEADER, read.get(0));
        assertEquals(List.of("li.na", "李娜, 副院长", "CS", ""), read.get(2));
        assertEquals(List.of("a", "b c", "d"), SheetFormat.CSV.read(
                "x,y,z\r\n a ,\"b c\",d\r\n\r\n".getBytes(StandardCharsets.UTF_8)).get(1), "trimmed, blank lines skipped");
    }

    @Test
    void aFileWhoseContentDoesNotMatchItsNameIsRefused() {
        byte[] xlsx = SheetFormat.XLSX.write("people", HEADER, ROWS);
        byte[] text = "login,name\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.of("people.csv", xlsx));
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.of("people.xlsx", text));
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.of("people.exe", text));
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.of("people.csv", new byte[]{'a', 0, 'b'}));
        assertThrows(IllegalArgumentException.class,
                () -> SheetFormat.XLSX.read(new byte[]{'P', 'K', 3, 4, 1, 2, 3}), "a broken archive");
    }

    /** OWASP CSV injection: an exported workbook never holds a cell that starts like a formula. */
    @Test
    void formulaLikeCellsAreDefusedInBothFormats() {
        List<List<String>> rows = List.of(List.of("=HYPERLINK(\"http://x\")", "+1", "\t=1", "@A1"));
        for (SheetFormat format : SheetFormat.values()) {
            List<String> read = format.read(format.write("people", HEADER, rows)).get(1);
            assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'+1", "'\t=1", "'@A1"), read, format.name());
        }
    }
}
