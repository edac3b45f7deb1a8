package cn.edu.xietong.setup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3: demo mode, whose accounts share a published password, never starts on real data. */
class DemoGuardTest {

    @Test
    void demoModeStartsOnAnEmptyEmbeddedDatabaseAndOnOneItFilledItself() {
        assertTrue(new DemoGuard(false, false, 0, false).refusal().isEmpty());
        assertTrue(new DemoGuard(false, false, 10, true).refusal().isEmpty());
    }

    @Test
    void demoModeRefusesPostgresqlUnlessTheTestSuitesThrowawayDatabaseSaysSo() {
        assertTrue(new DemoGuard(true, false, 0, false).refusal().orElseThrow().contains("PostgreSQL"));
        assertTrue(new DemoGuard(true, true, 0, false).refusal().isEmpty());
    }

    @Test
    void demoModeRefusesADatabaseHoldingAUniversityItDidNotLoad() {
        assertTrue(new DemoGuard(false, false, 1, false).refusal().orElseThrow().contains("did not load"));
        assertFalse(new DemoGuard(true, true, 60, false).refusal().isEmpty(), "on PostgreSQL too");
    }
}
