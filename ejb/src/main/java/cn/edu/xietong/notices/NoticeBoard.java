package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading what is published (B4): each person reads the published items whose audience includes them, pinned first,
 * then the newest; opening one records that they read it. An item not published (yet, any more, or ever), or for
 * another audience, is refused as access denied whether it exists or not. The writer of an item sees who of its
 * audience has read it and reminds those who have not.
 */
@Stateless
@RolesAllowed("STAFF")
public class NoticeBoard {

    /** The most a list answers. */
    public static final int MOST = 200;
    /** The notification kind of a reminder to read a must-read item. */
    public static final String MUST_READ = "MUST_READ";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private PeopleFinder people;

    @EJB
    private Notifications notifications;

    @EJB
    private OfficeClock clock;

    @EJB
    private FlowRecords records;

    /** The published items the caller may read, of one kind or all, pinned first, then the newest. */
    public List<ListedNotice> visible(NoticeKind kind, int max) {
        Person me = reader();
        Instant now = clock.now();
        List<Notice> mine = new ArrayList<>();
        for (Notice n : em.createNamedQuery(Notice.PUBLISHED, Notice.class).setParameter("published",
                NoticeState.PUBLISHED).setParameter("now", now).getResultList()) {
            if ((kind == null || n.getCategory().getKind() == kind) && Audiences.includes(em, n, me)) {
                mine.add(n);
                if (mine.size() >= Math.min(max, MOST)) {
                    break;
                }
            }
        }
        Set<Long> read = readBy(me, mine.stream().map(Notice::getId).toList());
        return mine.stream().map(n -> ListedNotice.of(n, read.contains(n.getId()))).toList();
    }

    /**
     * What the workbench shows of the notices, read in one pass over the published items: the newest notices and
     * announcements ({@code lines} of them), the newest news with each one's first picture ({@code newsCount}), and the
     * must-read items not read yet (among the {@link #MOST} newest the caller may read, as {@link #unreadMustRead}).
     */
    public NoticePortal portal(int lines, int newsCount) {
        Person me = reader();
        List<Notice> all = new ArrayList<>();
        List<Notice> latest = new ArrayList<>();
        List<Notice> news = new ArrayList<>();
        for (Notice n : em.createNamedQuery(Notice.PUBLISHED, Notice.class).setParameter("published",
                NoticeState.PUBLISHED).setParameter("now", clock.now()).getResultList()) {
            if (all.size() >= MOST && latest.size() >= lines && news.size() >= newsCount) {
                break;
            }
            if (!Audiences.includes(em, n, me)) {
                continue;
            }
            if (all.size() < MOST) {
                all.add(n);
            }
            boolean isNews = n.getCategory().getKind() == NoticeKind.NEWS;
            if (isNews && news.size() < newsCount) {
                news.add(n);
            } else if (!isNews && latest.size() < lines) {
                latest.add(n);
            }
        }
        List<Long> ids = new ArrayList<>(all.stream().map(Notice::getId).toList());
        latest.forEach(n -> ids.add(n.getId()));
        news.forEach(n -> ids.add(n.getId()));
        Set<Long> read = readBy(me, ids.stream().distinct().toList());
        return new NoticePortal(
                latest.stream().map(n -> ListedNotice.of(n, read.contains(n.getId()))).toList(),
                news.stream().map(n -> new NewsCard(n.getId(), n.getTitle(),
                        new Bilingual(n.getUnit().getNameZh(), n.getUnit().getNameEn()), n.getPublishedAt(),
                        firstPicture(n.getPublishedVersion().getBodyHtml()), read.contains(n.getId()))).toList(),
                all.stream().filter(n -> n.isMustRead() && !read.contains(n.getId()))
                        .map(n -> ListedNotice.of(n, false)).toList());
    }

    private static String firstPicture(String html) {
        if (html == null || !html.contains("<img")) {
            return null;
        }
        String src = Jsoup.parseBodyFragment(html).select("img[src^=data:image/]").attr("src");
        return src.isEmpty() || src.length() > NewsCard.MAX_PICTURE || src.startsWith("data:image/svg") ? null : src;
    }

    /** Opens a published item the caller may read, and records that they read it. */
    public OpenedNotice open(long noticeId) {
        Person me = reader();
        Notice notice = readable(me, noticeId);
        if (em.find(NoticeRead.class, new NoticeRead.Key(noticeId, me.getId())) == null) {
            em.persist(new NoticeRead(noticeId, me.getId(), clock.now()));
        }
        NoticeVersion v = notice.getPublishedVersion();
        List<OpenedNotice.VersionLine> versions = em.createNamedQuery(NoticeVersion.OF_NOTICE, NoticeVersion.class)
                .setParameter("notice", noticeId).getResultStream()
                .filter(x -> x.getState() == NoticeVersion.State.APPROVED
                        || x.getState() == NoticeVersion.State.SUPERSEDED)
                .map(OpenedNotice.VersionLine::of).toList();
        OpenedNotice.Backup backup = em.createNamedQuery(PublicationCopy.OF_VERSION, PublicationCopy.class)
                .setParameter("version", v.getId()).getResultStream()
                .map(c -> new OpenedNotice.Backup(c.getSha256(), c.getWrittenAt())).findFirst().orElse(null);
        return new OpenedNotice(notice.getId(), notice.getCategory().getKind(), notice.getCategory().name(),
                new Bilingual(notice.getUnit().getNameZh(), notice.getUnit().getNameEn()), v.getTitle(),
                v.getBodyHtml(), notice.getPublishedAt(), v.getNumber(), versions, backup, follows(me, notice),
                NoticeFile.of(v));
    }

    /** An earlier published version of an item the caller may read (B4: earlier versions stay viewable). */
    public String versionHtml(long noticeId, long versionId) {
        Notice notice = readable(reader(), noticeId);
        NoticeVersion v = em.find(NoticeVersion.class, versionId);
        if (v == null || !v.getNotice().getId().equals(notice.getId())
                || v.getState() != NoticeVersion.State.APPROVED && v.getState() != NoticeVersion.State.SUPERSEDED) {
            throw new EJBAccessException("version " + versionId + " of notice " + noticeId + " is not readable");
        }
        return v.getBodyHtml();
    }

    /**
     * The whole item a publishing flow instance decides on (B4), for those who take part in the instance (its
     * approvers, its writer, a supervisor): the flow refuses anyone else as it refuses its own instance page.
     */
    public NoticeUnderReview underReview(long instanceId) {
        Person me = reader();
        if (!records.takesPart(instanceId)) {
            throw new EJBAccessException(me.getLogin() + " takes no part in publishing instance " + instanceId);
        }
        NoticeVersion v = em.createNamedQuery(NoticeVersion.OF_INSTANCE, NoticeVersion.class)
                .setParameter("instance", instanceId).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("notice.noItemForInstance"));
        Notice n = v.getNotice();
        return new NoticeUnderReview(n.getId(), n.getCategory().getKind(), n.getCategory().name(),
                new Bilingual(n.getUnit().getNameZh(), n.getUnit().getNameEn()), v.getAuthor().getFullName(),
                v.getNumber(), v.getState(), v.getTitle(), v.getBodyHtml(), Audiences.describe(em, n.getAudience()),
                n.getPublishAt(), n.getExpireAt(), n.isPinned(), n.isMustRead(), n.getReadBy(),
                n.getCategory().isImportant(), NoticeFile.of(v));
    }

    /**
     * A file attached to an item, for a caller who may read the version it is attached to: a published (or earlier
     * published) version for its audience, any version for its writer, a version in review for those taking part in
     * its flow. Anything else is refused as access denied, whether the file exists or not.
     */
    public StoredFile attachment(long noticeId, String uid) {
        Person me = reader();
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null) {
            throw new EJBAccessException("notice " + noticeId + " does not exist");
        }
        boolean readsPublished = notice.isVisibleAt(clock.now()) && Audiences.includes(em, notice, me);
        boolean found = em.createNamedQuery(NoticeVersion.OF_NOTICE, NoticeVersion.class)
                .setParameter("notice", noticeId).getResultStream().filter(v -> v.holds(uid))
                .anyMatch(v -> notice.isBy(me)
                        || readsPublished && (v.getState() == NoticeVersion.State.APPROVED
                        || v.getState() == NoticeVersion.State.SUPERSEDED)
                        || v.getInstanceId() != null && records.takesPart(v.getInstanceId()));
        if (!found) {
            throw new EJBAccessException("file " + uid + " of notice " + noticeId + " is not " + me.getLogin()
                    + "'s to read");
        }
        return em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", uid).getSingleResult();
    }

    /** Published must-read items the caller has not read yet. */
    public List<ListedNotice> unreadMustRead() {
        return visible(null, MOST).stream().filter(n -> n.mustRead() && !n.read()).toList();
    }

    /** Who of the audience has read the caller's item, and who not (its writer's, or the unit leader's). */
    public ReadTracking readers(long noticeId) {
        Notice notice = tracked(noticeId);
        List<Person> audience = Audiences.members(em, notice);
        Map<Long, Instant> readAt = new HashMap<>();
        em.createQuery("select r from NoticeRead r where r.key.noticeId = :n", NoticeRead.class)
                .setParameter("n", noticeId).getResultList().forEach(r -> readAt.put(r.getPersonId(), r.getReadAt()));
        List<PersonCandidate> candidates = people.candidates(audience);
        List<ReadTracking.Reader> read = new ArrayList<>();
        List<PersonCandidate> unread = new ArrayList<>();
        for (int i = 0; i < audience.size(); i++) {
            Instant at = readAt.get(audience.get(i).getId());
            if (at != null) {
                read.add(new ReadTracking.Reader(candidates.get(i), at));
            } else {
                unread.add(candidates.get(i));
            }
        }
        return new ReadTracking(audience.size(), read, unread);
    }

    /** Reminds every member of a must-read item's audience who has not read it; answers how many. */
    public int remindUnread(long noticeId) {
        Notice notice = tracked(noticeId);
        if (!notice.isMustRead() || !notice.isVisibleAt(clock.now())) {
            throw new DomainException("notice.notMustRead");
        }
        Set<Long> read = new HashSet<>(em.createQuery("select r.key.personId from NoticeRead r"
                + " where r.key.noticeId = :n", Long.class).setParameter("n", noticeId).getResultList());
        Instant now = clock.now();
        int told = 0;
        for (Person p : Audiences.members(em, notice)) {
            if (!read.contains(p.getId())) {
                notifications.post(new Notification(p, Module.NOTICES, noticeId, MUST_READ, notice.getTitle(),
                        NotificationText.key("notification.notice." + MUST_READ,
                                notice.getReadBy() == null ? "" : notice.getReadBy().toString()), null, now));
                told++;
            }
        }
        return told;
    }

    private Person reader() {
        Person me = directory.me();
        ModuleRights.check(me.getUnit(), Module.NOTICES);
        return me;
    }

    private Notice readable(Person me, long noticeId) {
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null || !notice.isVisibleAt(clock.now()) || !Audiences.includes(em, notice, me)) {
            throw new EJBAccessException("notice " + noticeId + " is not readable by " + me.getLogin());
        }
        return notice;
    }

    /** An item whose reading the caller may follow: their own, or one of the unit they lead. */
    private Notice tracked(long noticeId) {
        Person me = reader();
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null || !follows(me, notice)) {
            throw new EJBAccessException("notice " + noticeId + " is not followed by " + me.getLogin());
        }
        return notice;
    }

    private static boolean follows(Person me, Notice notice) {
        return notice.isBy(me) || me.holdsFor(Role.UNIT_LEADER, notice.getUnit());
    }

    private Set<Long> readBy(Person me, List<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select r.key.noticeId from NoticeRead r where r.key.personId = :me"
                        + " and r.key.noticeId in :ids", Long.class)
                .setParameter("me", me.getId()).setParameter("ids", noticeIds).getResultList());
    }
}
