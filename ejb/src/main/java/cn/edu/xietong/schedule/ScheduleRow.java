package cn.edu.xietong.schedule;

import cn.edu.xietong.operations.BatchJob;

import java.time.ZonedDateTime;

/**
 * One job's schedule as the jobs page shows it, times in the campus time zone.
 *
 * @param lastError why the last due run could not start, or {@code null}
 */
public record ScheduleRow(BatchJob job, String expression, boolean on, ZonedDateTime nextRun,
                          ZonedDateTime lastFiredAt, Long lastExecutionId, String lastError, String changedBy,
                          ZonedDateTime changedAt) {
}
