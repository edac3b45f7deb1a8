package cn.edu.xietong.operations;

import jakarta.batch.runtime.BatchStatus;

import java.time.Instant;

/** One execution of a batch job as the job repository knows it. */
public record JobRun(long executionId, long instanceId, String jobName, BatchStatus status, String exitStatus,
                     Instant createdAt, Instant startedAt, Instant endedAt, String startedBy) {

    public boolean running() {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }
}
