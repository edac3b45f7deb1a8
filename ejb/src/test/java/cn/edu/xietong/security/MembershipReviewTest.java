package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.2: the unit IT staff's review of a person's membership. */
class MembershipReviewTest {

    private final Unit cs = new Unit("CS", "计算机科学与技术学院", "School of Computer Science", UnitKind.COLLEGE);
    private final Instant created = Instant.parse("2026-01-05T00:00:00Z");
    private final Person person = new Person("wangwu", "王五", cs, null, created);

    @Test
    void theApprovalOfANewAccountIsItsFirstConfirmation() {
        MembershipReview r = new MembershipReview(person);
        assertEquals(created, r.getConfirmedAt());
        assertNull(r.getConfirmedBy());
        assertFalse(r.isLeaverReported());
    }

    @Test
    void aLeaverReportNeedsAReasonAndAConfirmationWithdrawsIt() {
        MembershipReview r = new MembershipReview(person);
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> r.reportLeaver(at, "it", " "));
        assertThrows(IllegalArgumentException.class, () -> r.reportLeaver(at, "it", "x".repeat(501)));
        r.reportLeaver(at, "it", "  调往外校 ");
        assertTrue(r.isLeaverReported());
        assertEquals("调往外校", r.getLeaverReason());
        r.confirmMembership(at.plusSeconds(60), "it");
        assertFalse(r.isLeaverReported());
        assertEquals(at.plusSeconds(60), r.getConfirmedAt());
        assertEquals("it", r.getConfirmedBy());
    }

    @Test
    void aMoveConfirmsAndDeactivationSettlesTheReport() {
        MembershipReview r = new MembershipReview(person);
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        r.reportLeaver(at, "it", "left");
        r.moved(at.plusSeconds(1), "admin");
        assertFalse(r.isLeaverReported());
        assertEquals("admin", r.getConfirmedBy());
        r.reportLeaver(at.plusSeconds(2), "it", "left again");
        r.deactivated();
        assertFalse(r.isLeaverReported());
    }

    @Test
    void aDeactivatedPersonIsNeitherConfirmedNorReported() {
        MembershipReview r = new MembershipReview(person);
        person.deactivate();
        assertThrows(IllegalStateException.class, () -> r.confirmMembership(Instant.now(), "it"));
        assertThrows(IllegalStateException.class, () -> r.reportLeaver(Instant.now(), "it", "left"));
    }
}
