package cn.edu.xietong.it.support;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for batch job executions in the server (C1). */
public final class Jobs {

    private static final EnumSet<BatchStatus> ENDED =
            EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

    private Jobs() {
    }

    /** The execution once it has ended (completed, failed, stopped or abandoned); fails the test after {@code limit}. */
    public static JobExecution awaitEnd(long executionId, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
            if (ENDED.contains(execution.getBatchStatus())) {
                return execution;
            }
            Thread.sleep(100);
        }
        return fail("execution " + executionId + " did not end within " + limit);
    }
}
