package cn.edu.xietong.operations;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * C1, issue #15: a run's node is read from its parameters as JBeret's JDBC repository stores them ("key = value", one a
 * line), so that a server coming back marks only its own interrupted runs.
 */
class InterruptedRunsTest {

    @Test
    void theNodeIsReadFromTheStoredParameters() {
        assertEquals(Optional.of("oa-2"), InterruptedRuns.node("startedBy = yanhua\nxietong.node = oa-2\n"));
        assertEquals(Optional.of("oa-1"), InterruptedRuns.node("xietong.node = oa-1\r\nstartedBy = scheduler\r\n"));
    }

    @Test
    void aRunWithoutANodeNamesNone() {
        assertEquals(Optional.empty(), InterruptedRuns.node(null));
        assertEquals(Optional.empty(), InterruptedRuns.node(""));
        assertEquals(Optional.empty(), InterruptedRuns.node("startedBy = yanhua\n"));
        assertEquals(Optional.empty(), InterruptedRuns.node("my.xietong.node = oa-1\nxietong.node = \n"));
    }
}
