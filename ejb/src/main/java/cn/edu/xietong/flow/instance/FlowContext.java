package cn.edu.xietong.flow.instance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What one transition needs from outside the instance: the time (from the one injectable clock, to the millisecond
 * the database keeps), the directory, and the working-day deadlines.
 */
public record FlowContext(Instant now, Staffing staffing, Deadlines deadlines) {

    public FlowContext {
        now = now.truncatedTo(ChronoUnit.MILLIS);
    }
}
