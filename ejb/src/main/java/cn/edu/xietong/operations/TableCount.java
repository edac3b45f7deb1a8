package cn.edu.xietong.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** How many rows one table held when the self-check counted it. */
@Embeddable
public class TableCount {

    @Column(name = "table_name", nullable = false, length = 128)
    private String tableName;

    @Column(name = "row_count", nullable = false)
    private long rowCount;

    protected TableCount() {
    }

    public TableCount(String tableName, long rowCount) {
        if (tableName == null || tableName.isBlank() || rowCount < 0) {
            throw new IllegalArgumentException("a table name and a non-negative count are required");
        }
        this.tableName = tableName;
        this.rowCount = rowCount;
    }

    public String getTableName() {
        return tableName;
    }

    public long getRowCount() {
        return rowCount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableCount that && tableName.equals(that.tableName) && rowCount == that.rowCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableName, rowCount);
    }
}
