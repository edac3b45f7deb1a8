package cn.edu.xietong.directory.transfer;

import java.util.List;

/**
 * What an import would do, row by row, before anything is stored: each row's cells and problems (message keys). The
 * import goes ahead only when {@link #acceptable()}. A problem of the whole file (wrong header, too many rows) stands
 * in {@code fileProblems}.
 */
public record Preview(List<String> fileProblems, List<Row> rows) {

    public Preview {
        fileProblems = List.copyOf(fileProblems);
        rows = List.copyOf(rows);
    }

    /** One data row: its line in the file (the header is line 1), cells and problems. */
    public record Row(int line, List<String> cells, List<String> problems) {

        public Row {
            cells = List.copyOf(cells);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public boolean acceptable() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(Row::ok);
    }

    public long problemRows() {
        return rows.stream().filter(r -> !r.ok()).count();
    }
}
