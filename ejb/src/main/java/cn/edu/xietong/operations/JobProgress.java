package cn.edu.xietong.operations;

/** How far a run has come: items done of the total. */
public record JobProgress(long done, long total) {

    /** Whole per cent, 0–100 (100 for an empty list). */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }
}
