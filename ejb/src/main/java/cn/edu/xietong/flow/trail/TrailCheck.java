package cn.edu.xietong.flow.trail;

/**
 * The result of verifying an instance's trail (B3): intact, or the first record that is not as it was signed and
 * why ({@code altered}, {@code removed}, {@code reordered}, {@code unsigned}, {@code badSignature}, {@code stale}: the trail ends before the latest record this server
 * signed, {@code formChanged}: the form's values are not those the last record signed).
 */
public record TrailCheck(int records, int firstBroken, String problem) {

    public static TrailCheck intact(int records) {
        return new TrailCheck(records, 0, null);
    }

    public boolean isIntact() {
        return problem == null;
    }
}
