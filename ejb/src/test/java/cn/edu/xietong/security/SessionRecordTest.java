package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** S2, S3: each change that ends a person's sessions counts up the epoch and says why; a login ends none. */
class SessionRecordTest {

    private final Unit cs = new Unit("CS", "计算机科学与技术学院", "School of Computer Science", UnitKind.COLLEGE);

    @Test
    void eachEndCountsUpTheEpochAndSaysWhyWhileALoginEndsNone() {
        SessionRecord s = new SessionRecord(new Person("wangwu", "王五", cs, null, Instant.now()));
        assertEquals(0, s.getSessionEpoch());
        assertNull(s.getSessionsEndedBy());
        Instant at = Instant.parse("2026-05-01T01:00:00Z");
        s.loggedIn(at, "marker");
        assertEquals(0, s.getSessionEpoch(), "a login ends no session");
        assertEquals(at, s.getLastLoginAt());
        assertEquals("marker", s.getSessionMarker());
        s.endSessions(SessionEnd.PASSWORD_RESET);
        s.endSessions(SessionEnd.ROLES_CHANGED);
        assertEquals(2, s.getSessionEpoch());
        assertEquals(SessionEnd.ROLES_CHANGED, s.getSessionsEndedBy());
    }
}
