package cn.edu.xietong.shared;

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (so Chinese text shows), CRLF lines, defused cells. The same
 * defusing serves the Excel export ({@link #defused}).
 */
public final class Csv {

    /** Starts every exported file, so Excel reads it as UTF-8. */
    public static final String BOM = "\uFEFF";

    /** What a spreadsheet may take as the start of a formula (OWASP CSV injection: = + - @, tab, carriage return). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** A CSV cell: quoted when needed, and never starting like a spreadsheet formula. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = defused(value);
        return safe.matches("(?s).*[,\"\r\n].*")
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * The value with a single quote before it when it starts like a formula, so a spreadsheet shows it as text
     * instead of running it; any other value unchanged.
     */
    public static String defused(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** One line of cells, ended by CRLF. */
    public static String line(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }
}
