package cn.edu.xietong.it.notices;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.freshness.ContentFreshness;
import cn.edu.xietong.freshness.FreshnessReport;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.NoticeData;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.AudienceTarget;
import cn.edu.xietong.notices.CategoryLine;
import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.NoticeDraft;
import cn.edu.xietong.notices.NoticeInput;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.NoticeUnderReview;
import cn.edu.xietong.notices.NoticeVersion;
import cn.edu.xietong.notices.OpenedNotice;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import cn.edu.xietong.notices.PublishingRights;
import cn.edu.xietong.notices.RightLine;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the notices' pages rest on, through the services on the real database: the whole item for those deciding on
 * it (B4), the writer's own item reopened for writing, the publish-time copy of an important item (E1), the
 * content-freshness board (O1.6) and publishing rights kept per unit (B4).
 */
@ExtendWith(ArquillianExtension.class)
class NoticeReviewAndBackupIT {

    @EJB
    private TestData data;

    @EJB
    private NoticeData notices;

    @EJB
    private Publishing publishing;

    @EJB
    private NoticeBoard board;

    @EJB
    private PublishingRights rights;

    @EJB
    private ContentFreshness freshness;

    @EJB
    private Worklists worklists;

    @EJB
    private FileStore files;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private FlowCommands flows;

    private Person writer() {
        return data.personByLogin("yangfan"); // the CS school's IT staff: notices and news of their school
    }

    private PublishingChoice choice(Person writer, NoticeKind kind) throws Exception {
        return AsPerson.call(writer, () -> publishing.myChoices()).stream().filter(c -> c.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError(writer.getLogin() + " may not publish " + kind));
    }

    private long submitted(NoticeKind kind, String title, String html) throws Exception {
        Person writer = writer();
        PublishingChoice choice = choice(writer, kind);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                new NoticeInput(title, html, List.of(Audience.unit(choice.unitId())), null, null, false, false,
                        null)));
        AsPerson.run(writer, () -> publishing.submit(id));
        return id;
    }

    private ListedTask todo(String login, String title) throws Exception {
        return AsPerson.call(data.personByLogin(login), () -> worklists.todos()).stream()
                .filter(t -> t.instance().title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(login + " has no to-do " + title));
    }

    private void approveAll(String title) throws Exception {
        for (String login : List.of("hanmei", "sunli")) {
            ListedTask task = todo(login, title);
            AsPerson.call(data.personByLogin(login), () -> flows.approve(task.id(), "同意发布", null));
        }
    }

    private static String title(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theWholeItemUnderReviewIsReadByThoseInItsFlowAndNobodyElse() throws Exception {
        String title = title("全文审核");
        String longText = "<p>" + "校园网络维护说明。".repeat(600) + "<b>结尾</b></p>";
        long id = submitted(NoticeKind.NOTICE, title, longText);
        long instance = todo("hanmei", title).instance().id();

        NoticeUnderReview item = AsPerson.call(data.personByLogin("hanmei"), () -> board.underReview(instance));
        assertEquals(id, item.noticeId());
        assertEquals(title, item.title());
        assertTrue(item.html().contains("<b>结尾</b>"), "the approver reads the whole text, not the form's summary");
        assertEquals(NoticeVersion.State.IN_REVIEW, item.versionState());
        assertEquals(AudienceTarget.UNIT, item.audience().get(0).target());
        assertNotNull(item.audience().get(0).name(), "the audience is named for the approver");
        assertEquals(title, AsPerson.call(writer(), () -> board.underReview(instance)).title(), "its writer too");

        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> board.underReview(instance)), "a member of the audience does not read it before approval");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.hr"),
                () -> board.underReview(instance)), "nor does another unit");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("hanmei"),
                () -> board.underReview(instance + 987_654)), "a forged instance id is refused alike");
    }

    @Test
    void anAttachedFileIsReadByThoseWhoMayReadItsVersionAndCarriedToTheNextVersion() throws Exception {
        Person writer = writer();
        PublishingChoice choice = choice(writer, NoticeKind.NOTICE);
        FileInfo file = AsPerson.call(writer, () -> files.upload("监考安排表.pdf", SampleFiles.PDF));
        FileInfo strangers = AsPerson.call(data.personByLogin("wangwei.hr"), () -> files.upload("别人的.pdf",
                SampleFiles.PDF));
        String title = title("带附件");
        NoticeInput withFile = new NoticeInput(title, "<p>见附件</p>", List.of(Audience.unit(choice.unitId())), null,
                null, false, false, null, List.of(file.uid()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(writer, () -> publishing.create(
                choice.categoryId(), choice.unitId(), new NoticeInput(title, "<p>x</p>",
                        List.of(Audience.unit(choice.unitId())), null, null, false, false, null,
                        List.of(strangers.uid())))), "someone else's upload is not the writer's to attach");
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(), withFile));
        AsPerson.run(writer, () -> publishing.submit(id));
        long instance = todo("hanmei", title).instance().id();
        assertEquals(List.of(file.uid()), AsPerson.call(data.personByLogin("hanmei"),
                () -> board.underReview(instance)).files().stream().map(f -> f.uid()).toList());
        assertEquals(SampleFiles.PDF.length, AsPerson.call(data.personByLogin("hanmei"),
                () -> board.attachment(id, file.uid())).content().length, "the approver reads it");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> board.attachment(id, file.uid())), "the audience does not before approval");

        approveAll(title);
        assertEquals(file.uid(), AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(id)).files()
                .get(0).uid());
        assertEquals(SampleFiles.PDF.length, AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> board.attachment(id, file.uid())).content().length, "the audience reads it once published");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.hr"),
                () -> board.attachment(id, file.uid())), "another unit does not");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> board.attachment(id, strangers.uid())), "a file of another item is not read through this one");

        NoticeDraft next = AsPerson.call(writer, () -> publishing.draft(id));
        AsPerson.run(writer, () -> publishing.write(id, new NoticeInput(title + " 修订", "<p>修订</p>",
                List.of(Audience.unit(choice.unitId())), null, null, false, false, null,
                next.files().stream().map(f -> f.uid()).toList())));
        assertEquals(List.of(file.uid()), AsPerson.call(writer, () -> publishing.draft(id)).files().stream()
                .map(f -> f.uid()).toList(), "the new version carries the file over");
    }

    @Test
    void theWritersOwnItemReopensForWritingAndSaysWhenSavingStartsANewVersion() throws Exception {
        String title = title("重新编辑");
        long id = submitted(NoticeKind.NOTICE, title, "<p>第一版</p>");
        NoticeDraft inReview = AsPerson.call(writer(), () -> publishing.draft(id));
        assertFalse(inReview.editable(), "not while in review");
        assertNotNull(inReview.instanceId());

        approveAll(title);
        NoticeDraft published = AsPerson.call(writer(), () -> publishing.draft(id));
        assertTrue(published.editable() && published.versionNew(), "a published item is revised as a new version");
        assertEquals("<p>第一版</p>", published.html());
        assertEquals(1, published.version());

        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> publishing.draft(id)), "someone else's item");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(writer(), () -> publishing.draft(id + 987_654)));
    }

    @Test
    void anImportantItemIsCopiedWithItsHashToTheBackupStoreTheMomentItIsPublished() throws Exception {
        Person admin = data.personByLogin("caoyu");
        long cs = choice(writer(), NoticeKind.NOTICE).unitId();
        CategoryLine announcements = AsPerson.call(admin, () -> rights.categories()).stream()
                .filter(CategoryLine::important).findFirst().orElseThrow();
        AsPerson.run(admin, () -> rights.grant("yangfan", cs, announcements.id()));

        String title = title("重要公告");
        long important = submitted(NoticeKind.ANNOUNCEMENT, title, "<p>学校规章制度修订公告</p>");
        assertTrue(notices.copies(important).isEmpty(), "nothing is copied before publication");
        approveAll(title);

        List<Object[]> copies = notices.copies(important);
        assertEquals(1, copies.size());
        Path file = Path.of(System.getProperty("jboss.server.data.dir"), "xietong", "backup",
                (String) copies.get(0)[0]);
        byte[] bytes = Files.readAllBytes(file);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(copies.get(0)[1], sha256, "the recorded hash is the copy's");
        assertEquals(((Number) copies.get(0)[2]).longValue(), bytes.length);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("学校规章制度修订公告"));
        assertFalse(Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                "the copy is read-only");

        OpenedNotice opened = AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(important));
        assertNotNull(opened.backup(), "the item shows that it was backed up");
        assertEquals(sha256, opened.backup().sha256());

        String plainTitle = title("普通通知");
        long plain = submitted(NoticeKind.NOTICE, plainTitle, "<p>普通</p>");
        approveAll(plainTitle);
        assertTrue(notices.copies(plain).isEmpty(), "an ordinary category is not copied");
        assertNull(AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(plain)).backup());
        AsPerson.run(admin, () -> rights.revoke("yangfan", cs, announcements.id()));
    }

    @Test
    void theFreshnessBoardCountsEachUnitsPublicationsPerMonthAndItemsPastTheirReviewDate() throws Exception {
        Person supervisor = data.personByLogin("zhouqiang");
        long cs = choice(writer(), NoticeKind.NOTICE).unitId();
        FreshnessReport before = AsPerson.call(supervisor, () -> freshness.report());
        int pastBefore = row(before, cs, NoticeKind.NOTICE).pastReview();
        int thisMonthBefore = before.totals().get(before.totals().size() - 1);

        String fresh = title("新鲜通知");
        submitted(NoticeKind.NOTICE, fresh, "<p>本月</p>");
        approveAll(fresh);
        String stale = title("陈旧通知");
        long staleId = submitted(NoticeKind.NOTICE, stale, "<p>很久以前</p>");
        approveAll(stale);
        notices.agePublication(staleId, 200); // the demo's categories are reviewed every 180 days

        FreshnessReport after = AsPerson.call(supervisor, () -> freshness.report());
        FreshnessReport.Row row = row(after, cs, NoticeKind.NOTICE);
        assertEquals(pastBefore + 1, row.pastReview(), "the item published 200 days ago is past its review date");
        assertEquals(thisMonthBefore + 1, after.totals().get(after.totals().size() - 1),
                "this month counts the fresh item only");
        assertNotNull(row.lastPublished());
        assertEquals(ContentFreshness.MONTHS, after.months().size());
        assertTrue(after.rows().stream().anyMatch(r -> r.kind().equals(NoticeKind.NEWS.name()) && r.unit().id() == cs),
                "a unit entitled to publish news is listed even before it publishes any");

        assertThrows(EJBAccessException.class, () -> AsPerson.call(data.personByLogin("wangwei.cs"),
                () -> freshness.report()), "the board is the supervising office's");
    }

    @Test
    void theFreshnessBoardCountsEachUnitsLibraryAndArchivedDocumentsPastTheirRetention() throws Exception {
        Person supervisor = data.personByLogin("zhouqiang");
        Person it = writer(); // CS's IT staff manage the CS library
        long cs = choice(it, NoticeKind.NOTICE).unitId();
        FreshnessReport before = AsPerson.call(supervisor, () -> freshness.report());
        FreshnessReport.Row was = before.rows().stream().filter(r -> r.unit().id() == cs
                && r.kind().equals(ContentFreshness.DOCUMENTS)).findFirst().orElse(null);
        long library = AsPerson.call(it, () -> libraries.myUnitLibrary());
        long document = AsPerson.call(it, () -> documents.upload(library, null, title("归档材料") + ".txt",
                new java.io.ByteArrayInputStream("年度总结".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Level.INTERNAL, null));
        AsPerson.run(it, () -> documents.archive(document, "GD-" + UUID.randomUUID().toString().substring(0, 8), 1));
        notices.ageArchive(document, 800); // kept one year, archived more than two years ago

        FreshnessReport.Row row = AsPerson.call(supervisor, () -> freshness.report()).rows().stream()
                .filter(r -> r.unit().id() == cs && r.kind().equals(ContentFreshness.DOCUMENTS)).findFirst()
                .orElseThrow(() -> new AssertionError("the CS library has a row"));
        assertEquals(cn.edu.xietong.directory.Module.DOCUMENTS, row.module());
        assertEquals((was == null ? 0 : was.published()) + 1, row.published(), "the upload counts this month");
        assertEquals((was == null ? 0 : was.pastReview()) + 1, row.pastReview(),
                "an archived document whose retention ran out is past its review");
        assertNotNull(row.lastPublished());
    }

    private static FreshnessReport.Row row(FreshnessReport report, long unitId, NoticeKind kind) {
        return report.rows().stream().filter(r -> r.unit().id() == unitId && r.kind().equals(kind.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for unit " + unitId + " " + kind));
    }

    @Test
    void publishingRightsAreListedAndGrantedOnlyForTheUnitsTheCallerLooksAfter() throws Exception {
        Person it = writer(); // CS's IT staff
        long cs = choice(it, NoticeKind.NOTICE).unitId();
        long pao = data.unitByCode("PAO").getId();
        long category = AsPerson.call(it, () -> rights.categories()).get(0).id();

        List<RightLine> seen = AsPerson.call(it, () -> rights.rights());
        assertTrue(seen.stream().allMatch(r -> r.unitId() == cs), "only their own unit's rights");
        assertTrue(seen.stream().anyMatch(r -> r.login().equals("yangfan")));
        assertTrue(AsPerson.call(it, () -> rights.units()).stream().noneMatch(u -> u.id() == pao));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(it, () -> rights.grant("wangwei.cs", pao,
                category)), "not for another unit");

        int audited = data.audits(AuditEvent.ROLE_GRANT, "yangfan").size();
        AsPerson.run(it, () -> rights.grant("wangwei.cs", cs, category));
        assertTrue(AsPerson.call(it, () -> rights.rights()).stream()
                .anyMatch(r -> r.login().equals("wangwei.cs") && r.categoryId() == category));
        assertEquals(audited + 1, data.audits(AuditEvent.ROLE_GRANT, "yangfan").size(), "the grant is audited");
        AsPerson.run(it, () -> rights.revoke("wangwei.cs", cs, category));
        assertTrue(AsPerson.call(data.personByLogin("wangwei.cs"), () -> publishing.myChoices()).isEmpty());
        assertTrue(AsPerson.call(data.personByLogin("caoyu"), () -> rights.rights()).stream()
                .anyMatch(r -> r.unitId() == pao), "the system administrator sees every unit's");
    }
}
