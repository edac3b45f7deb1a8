package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.RichText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B4: an item's state machine — nothing shows before approval, an edit leaves the published version in place. */
class NoticeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private final Unit unit = new Unit("CS", "计算机学院", "Computer Science", UnitKind.COLLEGE);
    private final Person writer = new Person("yangfan", "杨帆", unit, "yangfan@example.edu.cn", T0);
    private final NoticeCategory category = new NoticeCategory("notice", "通知", "Notices", NoticeKind.NOTICE,
            "notice-review", false);

    private Notice notice() {
        Notice n = new Notice(category, unit, writer, T0);
        n.settle(List.of(Audience.school()), null, null, false, false, null, T0);
        return n;
    }

    private NoticeVersion version(Notice n, int number, String title) {
        NoticeVersion v = new NoticeVersion(n, number, writer, T0);
        v.write(title, RichText.of("<p>" + title + "</p>"));
        return v;
    }

    @Test
    void nothingShowsBeforeItsFlowApprovesIt() {
        Notice n = notice();
        NoticeVersion first = version(n, 1, "第一版");
        n.submitted(first, 7, T0);
        assertEquals(NoticeState.IN_REVIEW, n.getState());
        assertFalse(n.isVisibleAt(T0.plusSeconds(60)));
        n.approved(first, T0.plusSeconds(30));
        assertEquals(NoticeState.PUBLISHED, n.getState());
        assertSame(first, n.getPublishedVersion());
        assertEquals("第一版", n.getTitle());
        assertTrue(n.isVisibleAt(T0.plusSeconds(60)));
    }

    @Test
    void anEditInReviewOrRejectedLeavesThePublishedVersionInPlace() {
        Notice n = notice();
        NoticeVersion first = version(n, 1, "第一版");
        n.submitted(first, 7, T0);
        n.approved(first, T0);
        NoticeVersion second = version(n, 2, "第二版");
        n.submitted(second, 8, T0);
        assertEquals(NoticeState.PUBLISHED, n.getState(), "still published while the edit is in review");
        n.rejected(second, T0);
        assertEquals(NoticeState.PUBLISHED, n.getState());
        assertSame(first, n.getPublishedVersion());
        assertEquals(NoticeVersion.State.REJECTED, second.getState());
        NoticeVersion third = version(n, 3, "第三版");
        n.submitted(third, 9, T0);
        n.approved(third, T0);
        assertEquals(NoticeVersion.State.SUPERSEDED, first.getState());
        assertEquals("第三版", n.getTitle());
    }

    @Test
    void aRejectedFirstVersionIsNeverPublishedAndAReturnedOneIsWrittenAgain() {
        Notice n = notice();
        NoticeVersion first = version(n, 1, "初稿");
        n.submitted(first, 7, T0);
        n.sentBack(first, T0);
        assertEquals(NoticeState.DRAFT, n.getState());
        assertEquals(NoticeVersion.State.DRAFT, first.getState());
        first.write("修改稿", RichText.of("<p>修改</p>"));
        n.submitted(first, 7, T0);
        n.rejected(first, T0);
        assertEquals(NoticeState.REJECTED, n.getState());
        assertNull(n.getPublishedVersion());
        assertThrows(DomainException.class, () -> first.write("再改", RichText.of("<p>x</p>")));
    }

    @Test
    void whenItShowsFollowsItsPublishAndExpiryMoments() {
        Notice n = new Notice(category, unit, writer, T0);
        Instant from = T0.plusSeconds(3600);
        Instant until = T0.plusSeconds(7200);
        n.settle(List.of(Audience.school()), from, until, true, true, LocalDate.of(2026, 12, 8), T0);
        NoticeVersion v = version(n, 1, "定时发布");
        n.submitted(v, 1, T0);
        n.approved(v, T0);
        assertFalse(n.isVisibleAt(T0), "not before its publish moment");
        assertTrue(n.isVisibleAt(from));
        assertFalse(n.isVisibleAt(until), "not from its expiry");
        n.withdraw(T0);
        assertFalse(n.isVisibleAt(from), "taken down");
    }

    @Test
    void badSettingsAreRefusedWithTheirReason() {
        Notice n = new Notice(category, unit, writer, T0);
        assertEquals("notice.noAudience", assertThrows(DomainException.class,
                () -> n.settle(List.of(), null, null, false, false, null, T0)).messageKey());
        assertEquals("notice.expiresBeforePublished", assertThrows(DomainException.class,
                () -> n.settle(List.of(Audience.school()), T0, T0, false, false, null, T0)).messageKey());
        assertEquals("notice.readByRequired", assertThrows(DomainException.class,
                () -> n.settle(List.of(Audience.school()), null, null, false, true, null, T0)).messageKey());
        NoticeVersion v = new NoticeVersion(n, 1, writer, T0);
        assertEquals("notice.badTitle", assertThrows(DomainException.class,
                () -> v.write("  ", RichText.of("<p>x</p>"))).messageKey());
        assertEquals("notice.emptyBody", assertThrows(DomainException.class,
                () -> v.write("标题", RichText.of("<script>x()</script>"))).messageKey());
    }
}
