package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.RichText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writing and sending internal mail (A4, A5): drafts saved as the writer goes, sending to people, units, unit leaders
 * and groups, replies and forwards, and recall (撤回) of a mail nobody has opened. Every refusal — no recipient, a
 * deactivated account, a unit without the mail module (O2.7), an over-quota sender, a file that is not the writer's —
 * is a {@link DomainException} with its message key and changes nothing. A sent mail is stored once with one entry per
 * mailbox, and each recipient's notification is posted in the same transaction (the gateway's e-mail with it, C2).
 */
@Stateless
@RolesAllowed("STAFF")
public class MailSending {

    /** The notification kind of a new mail. */
    public static final String NEW_MAIL = "NEW";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private PeopleFinder people;

    @EJB
    private FileStore files;

    @EJB
    private Notifications notifications;

    @EJB
    private OfficeClock clock;

    @Inject
    private SearchJournal search;

    /** Saves a draft: a new one when {@code mailId} is null, else the caller's own draft of that mail. */
    public SavedDraft save(Long mailId, DraftInput input) {
        Person me = writer();
        Instant now = clock.now();
        MailMessage draft = mailId == null ? newDraft(me, now) : ownDraft(me, mailId);
        RichText body = write(me, draft, input, now);
        return new SavedDraft(draft.getId(), now, body.cleaned());
    }

    /**
     * Sends: saves the draft as given, checks every recipient and that the sender was not over their quota before
     * this mail, then delivers to every mailbox the addresses reach (a person reached twice receives one copy, as to
     * before cc before bcc).
     */
    public SentMail send(Long mailId, DraftInput input) {
        Person me = writer();
        Instant now = clock.now();
        MailMessage draft = mailId == null ? newDraft(me, now) : ownDraft(me, mailId);
        RichText body = write(me, draft, input, now);
        if (body.isEmpty() && draft.getSubject().isEmpty() && draft.getAttachments().isEmpty()) {
            throw new DomainException("mailbox.empty");
        }
        Map<Long, EntryRole> reached = reach(me, draft.getAddresses());
        if (reached.isEmpty()) {
            throw new DomainException("mailbox.noRecipients");
        }
        em.flush();
        MailboxUsage usage = MailEntries.usageOf(em, me);
        if (usage.usedBytes() - draft.getSize() >= usage.quotaBytes()) { // over before this mail: clean up first
            throw new DomainException("mailbox.overQuota");
        }
        draft.send(now);
        senderEntry(draft).sent(now);
        List<Person> recipients = em.createQuery("select p from Person p where p.id in :ids", Person.class)
                .setParameter("ids", List.copyOf(reached.keySet())).getResultList();
        NotificationText text = NotificationText.key("notification.mail." + NEW_MAIL, me.getFullName());
        for (Person recipient : recipients) {
            em.persist(MailEntry.ofRecipient(draft, recipient, reached.get(recipient.getId()), now));
            notifications.post(new Notification(recipient, Module.MAIL, draft.getId(), NEW_MAIL,
                    draft.getSubject().isEmpty() ? me.getFullName() : draft.getSubject(), text, null, now));
        }
        search.changed(MailSearchSource.KIND, draft.getId());
        return new SentMail(draft.getId(), recipients.size(), body.cleaned());
    }

    /**
     * Recalls (撤回) the caller's sent mail while no recipient has opened it: it leaves every recipient's mailbox.
     * Once anyone opened it, the recall is refused and nothing changes.
     */
    public void recall(long mailId) {
        Person me = directory.me();
        MailMessage mail = em.find(MailMessage.class, mailId);
        if (mail == null || !mail.getSender().getId().equals(me.getId())) {
            throw new EJBAccessException("mail " + mailId + " is not " + me.getLogin() + "'s");
        }
        mail.recall(clock.now());
        long opened = em.createNamedQuery(MailEntry.OPENED_RECIPIENTS, Long.class).setParameter("message", mailId)
                .setParameter("sender", EntryRole.SENDER).getSingleResult();
        if (opened > 0) {
            throw new DomainException("mailbox.recall.opened");
        }
        em.createNamedQuery(MailEntry.WITHDRAW).setParameter("message", mailId)
                .setParameter("sender", EntryRole.SENDER).executeUpdate();
        search.changed(MailSearchSource.KIND, mailId);
        long openedMeanwhile = em.createNamedQuery(MailEntry.OPENED_RECIPIENTS, Long.class)
                .setParameter("message", mailId).setParameter("sender", EntryRole.SENDER).getSingleResult();
        if (openedMeanwhile > 0) {
            throw new DomainException("mailbox.recall.opened"); // the transaction rolls back: nobody loses the mail
        }
    }

    /** Throws a draft away (the caller's own, not yet sent). */
    public void discard(long mailId) {
        Person me = writer();
        MailMessage draft = ownDraft(me, mailId);
        MailEntry entry = senderEntry(draft);
        em.remove(entry);
        em.remove(draft);
    }

    /** The caller's draft as it was saved, to go on writing it. */
    public DraftInput draft(long mailId) {
        MailMessage draft = ownDraft(directory.me(), mailId);
        return new DraftInput(draft.getSubject(), draft.getBodyHtml(), recipientsOf(draft.getAddresses(), false),
                draft.getAttachments().stream().map(AttachedFile::getFileUid).toList(),
                draft.getReplyTo() == null ? null : draft.getReplyTo().getId(),
                draft.getForwardOf() == null ? null : draft.getForwardOf().getId());
    }

    /** A reply to a mail in the caller's mailbox: to its sender, or (all) to everyone it was openly addressed to. */
    public DraftInput reply(long mailId, boolean all, Locale locale) {
        Person me = directory.me();
        MailEntry entry = MailEntries.readable(em, me, mailId);
        MailMessage mail = entry.getMessage();
        List<Recipient> to = new ArrayList<>();
        if (entry.getRole() != EntryRole.SENDER) {
            to.add(Recipient.person(AddressKind.TO, mail.getSender().getLogin()));
        }
        if (all || entry.getRole() == EntryRole.SENDER) {
            for (Recipient r : recipientsOf(mail.visibleAddresses(entry.getRole() == EntryRole.SENDER), true)) {
                boolean self = r.target() == AddressTarget.PERSON && r.key().equals(me.getLogin());
                if (!self && to.stream().noneMatch(t -> t.target() == r.target() && t.key().equals(r.key()))) {
                    to.add(r);
                }
            }
        }
        return new DraftInput(prefixed(locale, "mailbox.replyPrefix", mail.getSubject()),
                quoted(mail, locale), to, List.of(), mail.getId(), null);
    }

    /** A forward of a mail in the caller's mailbox, with its attachments (no copy of their bytes). */
    public DraftInput forward(long mailId, Locale locale) {
        MailEntry entry = MailEntries.readable(em, directory.me(), mailId);
        MailMessage mail = entry.getMessage();
        return new DraftInput(prefixed(locale, "mailbox.forwardPrefix", mail.getSubject()), quoted(mail, locale),
                List.of(), mail.getAttachments().stream().map(AttachedFile::getFileUid).toList(), null,
                mail.getId());
    }

    /**
     * A5: for each person about to be addressed, the unit of the last person of the same name the caller mailed, if
     * it was someone else — "last time 王伟 of 计算机学院, now 王伟 of 外国语学院".
     */
    public List<SameNameWarning> sameNameWarnings(List<String> logins) {
        Person me = directory.me();
        List<SameNameWarning> warnings = new ArrayList<>();
        for (String login : logins) {
            Optional<Person> person = Person.byLogin(em, login);
            if (person.isEmpty()) {
                continue;
            }
            List<Long> last = em.createQuery("select a.targetId from MailMessage m join m.addresses a"
                            + " where m.sender.id = :me and m.sentAt is not null and a.target = :person"
                            + " and a.targetId in (select p.id from Person p where p.fullName = :name)"
                            + " order by m.sentAt desc", Long.class)
                    .setParameter("me", me.getId()).setParameter("person", AddressTarget.PERSON)
                    .setParameter("name", person.get().getFullName()).setMaxResults(1).getResultList();
            if (!last.isEmpty() && !last.get(0).equals(person.get().getId())) {
                Person earlier = em.find(Person.class, last.get(0));
                List<PersonCandidate> both = people.candidates(List.of(person.get(), earlier));
                warnings.add(new SameNameWarning(both.get(0), both.get(1)));
            }
        }
        return warnings;
    }

    private Person writer() {
        Person me = directory.me();
        ModuleRights.check(me.getUnit(), Module.MAIL);
        return me;
    }

    private MailMessage newDraft(Person me, Instant now) {
        MailMessage draft = new MailMessage(me, now);
        em.persist(draft);
        em.persist(MailEntry.ofSender(draft, now));
        em.flush();
        return draft;
    }

    private MailMessage ownDraft(Person me, long mailId) {
        MailMessage draft = em.find(MailMessage.class, mailId);
        if (draft == null || !draft.getSender().getId().equals(me.getId())) {
            throw new EJBAccessException("mail " + mailId + " is not " + me.getLogin() + "'s");
        }
        if (draft.isSent()) {
            throw new DomainException("mailbox.alreadySent");
        }
        return draft;
    }

    private MailEntry senderEntry(MailMessage mail) {
        return em.createNamedQuery(MailEntry.SENDERS_ENTRY, MailEntry.class).setParameter("message", mail.getId())
                .setParameter("sender", EntryRole.SENDER).getSingleResult();
    }

    private RichText write(Person me, MailMessage draft, DraftInput input, Instant now) {
        RichText body = RichText.of(input.html());
        List<MailAddress> addresses = new ArrayList<>();
        for (Recipient r : input.recipients()) {
            MailAddress address = address(me, r);
            if (addresses.stream().noneMatch(address::sameTarget)) {
                addresses.add(address);
            }
        }
        List<AttachedFile> attachments = new ArrayList<>();
        List<String> uids = input.attachmentUids().stream().distinct().toList();
        List<FileInfo> infos = files.infos(uids);
        for (String uid : uids) {
            FileInfo info = infos.stream().filter(f -> f.uid().equals(uid)).findFirst()
                    .orElseThrow(() -> new EJBAccessException("no file " + uid));
            if (!Objects.equals(info.ownerId(), me.getId()) && !mayForward(me, uid)) {
                throw new EJBAccessException("file " + uid + " is not " + me.getLogin() + "'s to attach");
            }
            attachments.add(new AttachedFile(info));
        }
        MailMessage replyTo = input.replyToMail() == null ? null
                : MailEntries.readable(em, me, input.replyToMail()).getMessage();
        MailMessage forwardOf = input.forwardOfMail() == null ? null
                : MailEntries.readable(em, me, input.forwardOfMail()).getMessage();
        draft.write(input.subject(), body, addresses, attachments, now);
        draft.refersTo(replyTo, forwardOf);
        senderEntry(draft).touched(now);
        return body;
    }

    /** A file of a mail in the caller's mailbox may be forwarded. */
    private boolean mayForward(Person me, String uid) {
        return em.createQuery("select count(e) from MailEntry e join e.message m join m.attachments a"
                        + " where e.owner.id = :me and e.removedAt is null and a.fileUid = :uid", Long.class)
                .setParameter("me", me.getId()).setParameter("uid", uid).getSingleResult() > 0;
    }

    /** Resolves a submitted address; a key naming nothing, or a group not the caller's, is refused. */
    private MailAddress address(Person me, Recipient r) {
        switch (r.target()) {
            case PERSON -> {
                Person p = Person.byLogin(em, r.key()).orElseThrow(() -> new DomainException("mailbox.noSuchPerson",
                        r.key()));
                PersonCandidate c = people.candidates(List.of(p)).get(0);
                return new MailAddress(r.kind(), AddressTarget.PERSON, p.getId(), c.label(Locale.SIMPLIFIED_CHINESE));
            }
            case UNIT, UNIT_LEADERS -> {
                Unit unit = unitOf(r.key());
                return new MailAddress(r.kind(), r.target(), unit.getId(), unit.getNameZh());
            }
            case GROUP -> {
                MailGroup group = groupOf(me, r.key());
                return new MailAddress(r.kind(), AddressTarget.GROUP, group.getId(), group.getName());
            }
            default -> throw new IllegalArgumentException(r.target().name());
        }
    }

    private Unit unitOf(String key) {
        Unit unit = parseId(key).map(id -> em.find(Unit.class, id)).orElse(null);
        if (unit == null) {
            throw new DomainException("mailbox.noSuchUnit", key);
        }
        return unit;
    }

    private MailGroup groupOf(Person me, String key) {
        MailGroup group = parseId(key).map(id -> em.find(MailGroup.class, id)).orElse(null);
        if (group == null || !group.belongsTo(me)) {
            throw new EJBAccessException("group " + key + " is not " + me.getLogin() + "'s");
        }
        return group;
    }

    private static Optional<Long> parseId(String key) {
        try {
            return Optional.of(Long.parseLong(key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Everyone the addresses reach, with the strongest role each has. A person must be active and their unit must use
     * mail; a unit (with its sub-offices) must use mail and have someone in it; an empty group reaches nobody.
     */
    private Map<Long, EntryRole> reach(Person me, List<MailAddress> addresses) {
        Map<Long, EntryRole> reached = new LinkedHashMap<>();
        for (MailAddress a : addresses) {
            EntryRole role = EntryRole.of(a.getKind());
            for (Person p : members(me, a)) {
                reached.merge(p.getId(), role, EntryRole::strongest);
            }
        }
        return reached;
    }

    private List<Person> members(Person me, MailAddress a) {
        switch (a.getTarget()) {
            case PERSON -> {
                Person p = em.find(Person.class, a.getTargetId());
                if (!p.isActive()) {
                    throw new DomainException("mailbox.recipientInactive", p.getFullName());
                }
                if (!p.getUnit().mayUse(Module.MAIL)) {
                    throw new DomainException("mailbox.recipientWithoutMail", p.getFullName());
                }
                return List.of(p);
            }
            case UNIT, UNIT_LEADERS -> {
                Unit unit = em.find(Unit.class, a.getTargetId());
                if (!unit.mayUse(Module.MAIL)) {
                    throw new DomainException("mailbox.unitWithoutMail", unit.getNameZh());
                }
                List<Person> found = a.getTarget() == AddressTarget.UNIT
                        ? em.createNamedQuery(Person.IN_UNITS, Person.class)
                            .setParameter("units", UnitScope.unitAndBelow(em, unit)).getResultList()
                        : em.createQuery("select distinct p from Person p join p.roles g where g.role = :role"
                                + " and g.scope.id = :unit and p.active = true", Person.class)
                            .setParameter("role", Role.UNIT_LEADER).setParameter("unit", unit.getId())
                            .getResultList();
                List<Person> usable = found.stream().filter(p -> p.getUnit().mayUse(Module.MAIL)).toList();
                if (usable.isEmpty()) {
                    throw new DomainException("mailbox.unitEmpty", unit.getNameZh());
                }
                return usable;
            }
            case GROUP -> {
                MailGroup group = em.find(MailGroup.class, a.getTargetId());
                if (group == null || !group.belongsTo(me)) {
                    throw new DomainException("mailbox.noSuchGroup");
                }
                List<Person> members = group.getMembers().stream()
                        .filter(p -> p.isActive() && p.getUnit().mayUse(Module.MAIL)).toList();
                if (members.isEmpty()) {
                    throw new DomainException("mailbox.groupEmpty", group.getName());
                }
                return members;
            }
            default -> throw new IllegalArgumentException(a.getTarget().name());
        }
    }

    /** The addresses again as a page submits them (a reply names the same people, units and groups). */
    private List<Recipient> recipientsOf(List<MailAddress> addresses, boolean openOnlyAsTo) {
        List<Recipient> out = new ArrayList<>();
        for (MailAddress a : addresses) {
            String key = a.getTarget() == AddressTarget.PERSON
                    ? Optional.ofNullable(em.find(Person.class, a.getTargetId())).map(Person::getLogin).orElse(null)
                    : Long.toString(a.getTargetId());
            if (key != null) {
                out.add(new Recipient(openOnlyAsTo ? (a.getKind() == AddressKind.BCC ? AddressKind.BCC
                        : a.getKind() == AddressKind.CC ? AddressKind.CC : AddressKind.TO) : a.getKind(),
                        a.getTarget(), key));
            }
        }
        return out;
    }

    private static String prefixed(Locale locale, String key, String subject) {
        String prefix = MailboxText.format(locale, key);
        String s = subject.startsWith(prefix) ? subject : prefix + subject;
        return s.length() > MailMessage.MAX_SUBJECT ? subject : s;
    }

    private static String quoted(MailMessage mail, Locale locale) {
        String when = mail.getSentAt() == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(Campus.zone()).format(mail.getSentAt());
        return "<p><br></p><blockquote><p>" + Entities.escape(MailboxText.format(locale, "mailbox.quoteHeader",
                mail.getSender().getFullName(), when)) + "</p>" + mail.getBodyHtml() + "</blockquote>";
    }
}
