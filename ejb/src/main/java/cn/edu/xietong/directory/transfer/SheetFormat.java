package cn.edu.xietong.directory.transfer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two file formats of directory transfers: CSV (UTF-8, with or without a byte-order mark) and Excel .xlsx (its first
 * sheet). Reading yields rows of trimmed text cells; writing makes a file Excel opens directly, with every cell that
 * starts like a formula defused ({@link cn.edu.xietong.shared.Csv#defused}).
 */
public enum SheetFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Larger files are refused before they are read. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** More rows than this are refused. */
    public static final int MAX_ROWS = 5000;

    private final String extension;
    private final String contentType;

    SheetFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format of an uploaded file, by its name and checked against its content: an .xlsx is a ZIP archive, a CSV
     * is text without NUL bytes.
     *
     * @throws IllegalArgumentException for any other file
     */
    public static SheetFormat of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (name.endsWith(".xlsx") && zip) {
            return XLSX;
        }
        if (name.endsWith(".csv") && !zip && !containsNul(content)) {
            return CSV;
        }
        throw new IllegalArgumentException("not a CSV or .xlsx file: " + fileName);
    }

    private static boolean containsNul(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** All rows, the header included, each cell trimmed (empty for a missing cell). */
    public List<List<String>> read(byte[] content) {
        try {
            return this == CSV ? readCsv(content) : readXlsx(content);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable " + extension + " file", e);
        }
    }

    private static List<List<String>> readCsv(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(stripBom(content)), StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(c -> cells.add(c.strip()));
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return rows;
    }

    private static byte[] stripBom(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            return java.util.Arrays.copyOfRange(content, 3, content.length);
        }
        return content;
    }

    private static List<List<String>> readXlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellAsString(i).map(String::strip).orElse(""));
                    }
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        rows.add(cells);
                    }
                    if (rows.size() > MAX_ROWS + 1) {
                        break;
                    }
                }
            }
        }
        return rows;
    }

    /** A file of the given rows, the header first. */
    public byte[] write(String sheetName, List<String> header, List<List<String>> rows) {
        return this == CSV ? writeCsv(header, rows) : writeXlsx(sheetName, header, rows);
    }

    private static byte[] writeCsv(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(cn.edu.xietong.shared.Csv.BOM)
                .append(cn.edu.xietong.shared.Csv.line(header.toArray(String[]::new)));
        rows.forEach(r -> csv.append(cn.edu.xietong.shared.Csv.line(r.toArray(String[]::new))));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] writeXlsx(String sheetName, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Xietong", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    // text cells (codes like 0101 keep their zeros), never starting like a formula
                    sheet.value(r + 1, c, cn.edu.xietong.shared.Csv.defused(row.get(c)));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
