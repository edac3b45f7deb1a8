package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.RichText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writing and submitting what is published (B4): only a holder of the publishing right for the item's unit and
 * category writes and submits it; submitting starts the category's publishing flow (or resubmits the same instance
 * after a return), and nothing is read by the audience before that flow approves it. Editing a published item makes a
 * new version that goes through approval again while the published one stays. Every refusal is a
 * {@link DomainException} with its key, or an {@link EJBAccessException} for someone else's item, and changes
 * nothing.
 */
@Stateless
@RolesAllowed("STAFF")
public class Publishing {

    /** How much of the text the approval form's summary carries (the full item is on its review page). */
    static final int SUMMARY = 3_000;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private FlowCommands flows;

    @EJB
    private OfficeClock clock;

    @EJB
    private FileStore files;

    @Inject
    private SearchJournal search;

    /** The categories and units the caller may submit items for. */
    public List<PublishingChoice> myChoices() {
        Person me = publisher();
        return em.createNamedQuery(PublishingRight.OF_PERSON, PublishingRight.class).setParameter("person", me.getId())
                .getResultStream().filter(r -> r.getCategory().isActive())
                .map(r -> new PublishingChoice(r.getCategory().getId(), r.getCategory().name(),
                        r.getCategory().getKind(), r.getUnit().getId(),
                        new Bilingual(r.getUnit().getNameZh(), r.getUnit().getNameEn()))).toList();
    }

    /** The named people of an audience, by their logins (as the person picker gives them); an unknown one is refused. */
    public List<Audience> people(List<String> logins) {
        publisher();
        return logins.stream().distinct().map(login -> Person.byLogin(em, login).filter(Person::isActive)
                .map(p -> Audience.person(p.getId()))
                .orElseThrow(() -> new DomainException("notice.noSuchPerson", login))).toList();
    }

    /** A new item of a category for a unit, as a first version being written; answers its id. */
    public long create(long categoryId, long unitId, NoticeInput input) {
        Person me = publisher();
        NoticeCategory category = em.find(NoticeCategory.class, categoryId);
        Unit unit = em.find(Unit.class, unitId);
        if (category == null || unit == null || !holds(me, unit, category)) {
            throw new EJBAccessException(me.getLogin() + " may not publish " + categoryId + " for unit " + unitId);
        }
        Instant now = clock.now();
        Notice notice = new Notice(category, unit, me, now);
        notice.settle(input.audience(), input.publishAt(), input.expireAt(), input.pinned(), input.mustRead(),
                input.readBy(), now);
        em.persist(notice);
        em.flush();
        NoticeVersion first = new NoticeVersion(notice, 1, me, now);
        first.write(input.title(), RichText.of(input.html()));
        first.attach(attachable(me, null, input.attachmentUids()));
        em.persist(first);
        return notice.getId();
    }

    /**
     * New content for the caller's item: the version being written, or — for a published item — a new version
     * (the published one stays what the audience reads until the new one is approved). Refused while in review.
     */
    public void write(long noticeId, NoticeInput input) {
        Person me = publisher();
        Notice notice = own(me, noticeId);
        Instant now = clock.now();
        NoticeVersion working = latest(notice);
        if (working.getState() == NoticeVersion.State.APPROVED || working.getState() == NoticeVersion.State.REJECTED
                && notice.getState() == NoticeState.PUBLISHED) {
            working = new NoticeVersion(notice, working.getNumber() + 1, me, now);
            em.persist(working);
        } else if (working.getState() != NoticeVersion.State.DRAFT) {
            throw new DomainException("notice.notEditable");
        }
        working.write(input.title(), RichText.of(input.html()));
        working.attach(attachable(me, notice, input.attachmentUids()));
        notice.settle(input.audience(), input.publishAt(), input.expireAt(), input.pinned(), input.mustRead(),
                input.readBy(), now);
        search.changed(NoticeSearchSource.KIND, noticeId); // a published item's audience and dates change at once
    }

    /**
     * Submits the version being written to its category's publishing flow (B4): a new instance, or the same one again
     * after it was returned or withdrawn. The caller must still hold the right.
     */
    public void submit(long noticeId) {
        Person me = publisher();
        Notice notice = own(me, noticeId);
        if (!holds(me, notice.getUnit(), notice.getCategory())) {
            throw new EJBAccessException(me.getLogin() + " no longer may publish for " + notice.getUnit().getCode());
        }
        NoticeVersion working = latest(notice);
        if (working.getState() != NoticeVersion.State.DRAFT) {
            throw new DomainException("notice.notEditable");
        }
        FormValues values = FormValues.of(Map.of("title", working.getTitle(),
                "category", notice.getCategory().name().zh(), "summary", summary(working.getBodyText())));
        FlowInstance instance;
        if (working.getInstanceId() != null) {
            flows.revise(working.getInstanceId(), working.getTitle(), values);
            instance = flows.submit(working.getInstanceId(), Map.of());
        } else {
            instance = flows.startForModule(Category.PUBLISHING, notice.getCategory().getDesignCode(),
                    working.getTitle(), values);
        }
        // a new instance was sealed before its id was recorded here, so the outcome observer did not know it: record
        // it now, with whatever the flow decided at once; a resubmitted one the observer has seen
        if (working.getState() == NoticeVersion.State.DRAFT) {
            Instant now = clock.now();
            notice.submitted(working, instance.getId(), now);
            PublicationOutcome.apply(em, notice, working, instance.getStatus(), now);
            search.changed(NoticeSearchSource.KIND, noticeId);
        }
    }

    /** The caller takes their published item down: the audience no longer reads it. */
    public void withdraw(long noticeId) {
        own(publisher(), noticeId).withdraw(clock.now());
        search.changed(NoticeSearchSource.KIND, noticeId);
    }

    /** The caller's own items, the latest changed first. */
    public List<ListedNotice> mine() {
        Person me = publisher();
        return em.createNamedQuery(Notice.BY_AUTHOR, Notice.class).setParameter("author", me.getId())
                .getResultStream().map(n -> ListedNotice.of(n, true)).toList();
    }

    /** Every version of the caller's item, the first first. */
    public List<OpenedNotice.VersionLine> versions(long noticeId) {
        Notice notice = own(publisher(), noticeId);
        return em.createNamedQuery(NoticeVersion.OF_NOTICE, NoticeVersion.class).setParameter("notice", notice.getId())
                .getResultStream().map(OpenedNotice.VersionLine::of).toList();
    }

    /**
     * The caller's item as its writing page opens it: the latest version's content and how the item shows, whether
     * it can be written now and whether saving starts a new version.
     */
    public NoticeDraft draft(long noticeId) {
        Notice notice = own(publisher(), noticeId);
        NoticeVersion latest = latest(notice);
        boolean versionNew = latest.getState() == NoticeVersion.State.APPROVED
                || latest.getState() == NoticeVersion.State.REJECTED && notice.getState() == NoticeState.PUBLISHED;
        boolean editable = versionNew || latest.getState() == NoticeVersion.State.DRAFT;
        return new NoticeDraft(notice.getId(), notice.getCategory().getKind(), notice.getCategory().name(),
                new Bilingual(notice.getUnit().getNameZh(), notice.getUnit().getNameEn()), notice.getState(),
                latest.getNumber(), latest.getState(), latest.getInstanceId(), latest.getTitle(),
                latest.getBodyHtml(), Audiences.describe(em, notice.getAudience()), notice.getPublishAt(),
                notice.getExpireAt(), notice.isPinned(), notice.isMustRead(), notice.getReadBy(), editable,
                versionNew, NoticeFile.of(latest));
    }

    private Person publisher() {
        Person me = directory.me();
        ModuleRights.check(me.getUnit(), Module.NOTICES);
        return me;
    }

    private boolean holds(Person me, Unit unit, NoticeCategory category) {
        return em.createNamedQuery(PublishingRight.HOLDS, Long.class).setParameter("person", me.getId())
                .setParameter("unit", unit.getId()).setParameter("category", category.getId())
                .getSingleResult() > 0;
    }

    private Notice own(Person me, long noticeId) {
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || !notice.isBy(me)) {
            throw new EJBAccessException("notice " + noticeId + " is not " + me.getLogin() + "'s");
        }
        return notice;
    }

    private NoticeVersion latest(Notice notice) {
        List<NoticeVersion> versions = em.createNamedQuery(NoticeVersion.OF_NOTICE, NoticeVersion.class)
                .setParameter("notice", notice.getId()).getResultList();
        return versions.get(versions.size() - 1);
    }

    /**
     * The files the caller may attach: their own uploads, or files already attached to a version of this item (a new
     * version carries them over). A file of anyone else's is refused as access denied.
     */
    private List<AttachedFile> attachable(Person me, Notice notice, List<String> uids) {
        List<String> wanted = uids.stream().distinct().toList();
        List<FileInfo> infos = files.infos(wanted);
        List<AttachedFile> attached = new ArrayList<>();
        for (String uid : wanted) {
            FileInfo info = infos.stream().filter(f -> f.uid().equals(uid)).findFirst()
                    .orElseThrow(() -> new EJBAccessException("no file " + uid));
            boolean carried = notice != null && em.createNamedQuery(NoticeVersion.OF_NOTICE, NoticeVersion.class)
                    .setParameter("notice", notice.getId()).getResultStream().anyMatch(v -> v.holds(uid));
            if (!Objects.equals(info.ownerId(), me.getId()) && !carried) {
                throw new EJBAccessException("file " + uid + " is not " + me.getLogin() + "'s to attach");
            }
            attached.add(new AttachedFile(info));
        }
        return attached;
    }

    private static String summary(String text) {
        return text.length() <= SUMMARY ? text : text.substring(0, SUMMARY) + "…";
    }
}
