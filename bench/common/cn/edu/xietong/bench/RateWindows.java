package cn.edu.xietong.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rate, in instances per second, of each window of {@value #WINDOW} consecutive completions, for both halves of
 * the flow throughput benchmark: printed, warm-up first, they show whether an engine had reached its steady state.
 */
public final class RateWindows {

    public static final int WINDOW = 500;

    private final List<Long> rates = new ArrayList<>();
    private long mark = System.nanoTime();

    /** Called with the running count after each completion. */
    public synchronized void completed(int count) {
        if (count % WINDOW == 0) {
            long now = System.nanoTime();
            rates.add(Math.round(WINDOW * 1e9 / (now - mark)));
            mark = now;
        }
    }

    /** The rates so far, comma-separated. */
    @Override
    public synchronized String toString() {
        return rates.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
