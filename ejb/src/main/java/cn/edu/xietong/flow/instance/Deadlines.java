package cn.edu.xietong.flow.instance;

import java.time.Instant;

/** When a to-do that arrives at {@code arrived} is due, {@code workingDays} working days later (B2). */
@FunctionalInterface
public interface Deadlines {

    Instant due(Instant arrived, int workingDays);
}
