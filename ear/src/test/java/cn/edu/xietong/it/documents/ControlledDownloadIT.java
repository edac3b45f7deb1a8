package cn.edu.xietong.it.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.ControlledDownloads;
import cn.edu.xietong.documents.DocumentContent;
import cn.edu.xietong.documents.DocumentDownloads;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.DownloadApproval;
import cn.edu.xietong.documents.DownloadRequestLine;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.DownloadClock;
import cn.edu.xietong.it.support.SamplePdf;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S4 through the services on the real database: a controlled document is viewed as watermarked page pictures and
 * downloaded only after its owning unit's leader approved a request with a reason — one download per approval, within
 * its time, watermarked with who, of which unit, when; every request, view and download in the audit trail. Another
 * unit's person never asks, another unit's leader never decides, a forged id is refused.
 */
@ExtendWith(ArquillianExtension.class)
class ControlledDownloadIT {

    private static final String PASSWORD = "Controlled#2026x";

    @EJB
    private TestData data;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private DocumentDownloads downloads;

    @EJB
    private ControlledDownloads controlled;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowCommands flows;

    @EJB
    private DownloadClock clock;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** A unit with its IT staff, its leader and a member of staff, and a controlled PDF in its library. */
    private record Team(Unit unit, Person it, Person leader, Person staff, String title, long version) {
    }

    private Team team() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        long library = AsPerson.call(it, () -> libraries.myUnitLibrary());
        String title = "受控制度" + UUID.randomUUID().toString().substring(0, 6) + ".pdf";
        long document = AsPerson.call(it, () -> documents.upload(library, null, title,
                new ByteArrayInputStream(SamplePdf.pages(2, "Controlled rules")), Level.CONTROLLED, null));
        long version = AsPerson.call(staff, () -> documents.open(document)).latest().id();
        return new Team(unit, it, leader, staff, title, version);
    }

    private Optional<ListedTask> todo(Person who, String title) throws Exception {
        return AsPerson.call(who, () -> worklists.todos()).stream()
                .filter(t -> t.instance().title().equals("下载受控文档：" + title)).findFirst();
    }

    private static String key(Exception e) {
        return ((DomainException) e).messageKey();
    }

    @Test
    void anApprovedRequestAllowsExactlyOneWatermarkedDownloadDecidedByTheOwningUnitsLeader() throws Exception {
        Team t = team();
        assertEquals("document.controlled.needsApproval", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(t.version())))));
        assertEquals("document.controlled.reasonRequired", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> controlled.request(t.version(), "  ")))));

        AsPerson.call(t.staff(), () -> controlled.request(t.version(), "编写本单位年度报告需要引用"));
        assertEquals("document.controlled.alreadyAsked", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> controlled.request(t.version(), "再次申请")))));
        assertEquals("document.controlled.needsApproval", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(t.version())))), "not before the decision");

        ListedTask task = todo(t.leader(), t.title()).orElseThrow(() -> new AssertionError("the leader decides"));
        AsPerson.call(t.leader(), () -> flows.approve(task.id(), "同意", null));
        DownloadRequestLine approved = AsPerson.call(t.staff(), () -> controlled.mine(t.version())).get(0);
        assertEquals(DownloadApproval.State.APPROVED, approved.state());
        assertTrue(approved.usable() && approved.validUntil() != null);

        DocumentContent content = AsPerson.call(t.staff(), () -> downloads.open(t.version()));
        assertTrue(content.watermark().contains(t.staff().getFullName())
                && content.watermark().contains(t.staff().getLogin())
                && content.watermark().contains(t.unit().getNameZh()), content.watermark());
        assertEquals("document.controlled.needsApproval", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(t.version())))), "one download per approval");
        assertEquals(DownloadApproval.State.USED,
                AsPerson.call(t.staff(), () -> controlled.mine(t.version())).get(0).state());
        assertTrue(data.audits(AuditEvent.DOCUMENT_DOWNLOAD, t.staff().getLogin()).stream()
                .anyMatch(r -> String.valueOf(r.getDetail()).contains("with approval")), "the download is audited");
    }

    @Test
    void aRejectedRequestAllowsNothingAndAnApprovalThatRanOutIsRefused() throws Exception {
        Team t = team();
        AsPerson.call(t.staff(), () -> controlled.request(t.version(), "查阅"));
        ListedTask first = todo(t.leader(), t.title()).orElseThrow();
        AsPerson.call(t.leader(), () -> flows.reject(first.id(), "无需下载，在线查看即可"));
        assertEquals(DownloadApproval.State.REJECTED,
                AsPerson.call(t.staff(), () -> controlled.mine(t.version())).get(0).state());
        assertEquals("document.controlled.needsApproval", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(t.version())))));

        AsPerson.call(t.staff(), () -> controlled.request(t.version(), "确需下载存档"));
        ListedTask second = todo(t.leader(), t.title()).orElseThrow();
        AsPerson.call(t.leader(), () -> flows.approve(second.id(), "同意", null));
        clock.expire(t.version(), t.staff().getId());
        assertEquals("document.controlled.approvalExpired", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(t.version())))));
    }

    @Test
    void onlyAReaderAsksAndOnlyTheOwningUnitsLeaderDecides() throws Exception {
        Team t = team();
        Team other = team();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(),
                () -> controlled.request(t.version(), "想看看")), "another unit's person may not even read it");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(t.staff(),
                () -> controlled.request(t.version() + 987_654, "伪造")), "a forged id");
        AsPerson.call(t.staff(), () -> controlled.request(t.version(), "工作需要"));
        assertTrue(todo(other.leader(), t.title()).isEmpty(), "another unit's leader does not decide");
        assertTrue(todo(t.leader(), t.title()).isPresent());
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(),
                () -> controlled.mine(t.version())));
    }

    @Test
    void aControlledPdfIsViewedAsWatermarkedPagePicturesNeverAsItsFile() throws Exception {
        Team t = team();
        assertEquals("document.controlled.viewAsPages", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.view(t.version())))));
        assertEquals(2, AsPerson.call(t.staff(), () -> downloads.pages(t.version())));
        byte[] png = AsPerson.call(t.staff(), () -> downloads.page(t.version(), 2));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertEquals("document.controlled.noSuchPage", key(assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.page(t.version(), 3)))));
        Team other = team();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(),
                () -> downloads.page(t.version(), 1)));
        assertTrue(data.audits(AuditEvent.DOCUMENT_VIEW, t.staff().getLogin()).stream()
                .anyMatch(r -> String.valueOf(r.getDetail()).contains("as pictures")), "the view is audited");
    }
}
