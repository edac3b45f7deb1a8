package cn.edu.xietong.shared;

/** CSV as Excel opens it: UTF-8 with a byte-order mark (so Chinese text shows), CRLF lines, defused cells. */
public final class Csv {

    /** Starts every exported file, so Excel reads it as UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** A CSV cell: quoted when needed, and never starting like a spreadsheet formula. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[,\"\r\n].*")
                ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
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
