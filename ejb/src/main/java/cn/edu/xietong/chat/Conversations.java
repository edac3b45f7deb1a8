package cn.edu.xietong.chat;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.presence.PresenceTracker;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.Like;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Instant messages (A4): conversations of two people or of a group, their history, unread counts, files, search. Only
 * members read or write a conversation — anyone else's call, administrators' included, is refused as an
 * {@link EJBAccessException} whether the conversation exists or not — and only staff of units that use the mail and
 * messages module (O2.7) take part. Each message is posted to the other members' notification centre, one unread
 * notice per conversation, in the message's transaction.
 */
@Stateless
@RolesAllowed("STAFF")
public class Conversations {

    /** The notification kind of a new message. */
    public static final String NEW_MESSAGE = "MESSAGE";
    /** The most messages one call answers. */
    public static final int MOST = 200;

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

    @EJB
    private PresenceTracker presence;

    /** The caller's conversation with one other person: the existing one, or a new one. */
    public long direct(String login) {
        Person me = member();
        Person other = participant(login);
        List<Conversation> existing = em.createQuery("select c from Conversation c where c.directKey = :key",
                Conversation.class).setParameter("key", Conversation.directKey(me.getId(), other.getId()))
                .getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        Instant now = clock.now();
        Conversation c = Conversation.direct(me, other, now);
        em.persist(c);
        em.flush();
        em.persist(new ChatMember(c, me, now));
        em.persist(new ChatMember(c, other, now));
        return c.getId();
    }

    /** A new group of the caller and the people named. */
    public long group(String title, List<String> logins) {
        Person me = member();
        Instant now = clock.now();
        Conversation c = Conversation.group(me, title, now);
        List<Person> others = logins.stream().distinct().filter(l -> !l.equals(me.getLogin()))
                .map(this::participant).toList();
        if (others.isEmpty()) {
            throw new DomainException("chat.noMembers");
        }
        if (others.size() + 1 > Conversation.MAX_MEMBERS) {
            throw new DomainException("chat.tooManyMembers", Conversation.MAX_MEMBERS);
        }
        em.persist(c);
        em.flush();
        em.persist(new ChatMember(c, me, now));
        others.forEach(p -> em.persist(new ChatMember(c, p, now)));
        return c.getId();
    }

    /** A member adds people to a group. */
    public void invite(long conversationId, List<String> logins) {
        Person me = member();
        Conversation c = membership(me, conversationId).getConversation();
        if (c.getKind() != ConversationKind.GROUP) {
            throw new DomainException("chat.directIsForTwo");
        }
        Instant now = clock.now();
        for (String login : logins.stream().distinct().toList()) {
            Person p = participant(login);
            ChatMember existing = em.find(ChatMember.class, new ChatMember.Key(c.getId(), p.getId()));
            if (existing == null) {
                em.persist(new ChatMember(c, p, now));
            } else if (!existing.isPresent()) {
                existing.rejoin(now);
            }
        }
        if (presentMembers(c.getId()).size() > Conversation.MAX_MEMBERS) {
            throw new DomainException("chat.tooManyMembers", Conversation.MAX_MEMBERS);
        }
    }

    /** The caller leaves a group: they no longer read or write it. */
    public void leave(long conversationId) {
        ChatMember mine = membership(member(), conversationId);
        if (mine.getConversation().getKind() != ConversationKind.GROUP) {
            throw new DomainException("chat.directIsForTwo");
        }
        mine.leave(clock.now());
    }

    /** The caller's conversations, the latest first, with unread counts. */
    public List<ListedConversation> mine() {
        Person me = member();
        List<ChatMember> memberships = em.createQuery("select m from ChatMember m join fetch m.conversation c"
                        + " where m.person.id = :me and m.leftAt is null"
                        + " order by c.lastMessageAt desc, c.id desc", ChatMember.class)
                .setParameter("me", me.getId()).getResultList();
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<Long> ids = memberships.stream().map(m -> m.getConversation().getId()).toList();
        Map<Long, Long> unread = new HashMap<>();
        for (Object[] row : em.createQuery("select m.conversation.id, count(m) from ChatMessage m, ChatMember k"
                        + " where k.person.id = :me and k.conversation.id in :ids and m.conversation.id ="
                        + " k.conversation.id and m.id > k.lastReadId and m.sender.id <> :me"
                        + " group by m.conversation.id", Object[].class)
                .setParameter("me", me.getId()).setParameter("ids", ids).getResultList()) {
            unread.put((Long) row[0], ((Number) row[1]).longValue());
        }
        Map<Long, List<Person>> membersOf = new HashMap<>();
        for (ChatMember m : em.createQuery("select m from ChatMember m join fetch m.person p join fetch p.unit"
                        + " where m.conversation.id in :ids and m.leftAt is null", ChatMember.class)
                .setParameter("ids", ids).getResultList()) {
            membersOf.computeIfAbsent(m.getConversation().getId(), k -> new ArrayList<>()).add(m.getPerson());
        }
        Map<Long, String> previews = new HashMap<>();
        List<Long> lastIds = memberships.stream().map(m -> m.getConversation().getLastMessageId())
                .filter(id -> id > 0).toList();
        if (!lastIds.isEmpty()) {
            em.createQuery("select m from ChatMessage m where m.id in :ids", ChatMessage.class)
                    .setParameter("ids", lastIds).getResultList()
                    .forEach(m -> previews.put(m.getConversation().getId(), preview(m)));
        }
        Map<Long, Person> others = new HashMap<>();
        for (ChatMember m : memberships) {
            Conversation c = m.getConversation();
            if (c.getKind() == ConversationKind.DIRECT) {
                membersOf.getOrDefault(c.getId(), List.of()).stream().filter(p -> !p.getId().equals(me.getId()))
                        .findFirst().ifPresent(p -> others.put(c.getId(), p));
            }
        }
        Map<String, PersonCandidate> candidates = new HashMap<>();
        people.candidates(others.values().stream().distinct().toList())
                .forEach(candidate -> candidates.put(candidate.login(), candidate));
        Set<Long> online = presence.onlineNow();
        List<ListedConversation> list = new ArrayList<>();
        for (ChatMember m : memberships) {
            Conversation c = m.getConversation();
            List<Person> members = membersOf.getOrDefault(c.getId(), List.of());
            Person other = others.get(c.getId());
            PersonCandidate otherCandidate = other == null ? null : candidates.get(other.getLogin());
            list.add(new ListedConversation(c.getId(), c.getKind(), c.getTitle(), otherCandidate,
                    other != null && online.contains(other.getId()), members.size(),
                    unread.getOrDefault(c.getId(), 0L), previews.get(c.getId()), c.getLastMessageAt()));
        }
        return list;
    }

    /** Opens a conversation: its members and the latest messages, which are then read. */
    public ConversationView open(long conversationId, int max) {
        Person me = member();
        ChatMember mine = membership(me, conversationId);
        Conversation c = mine.getConversation();
        int limit = Math.max(1, Math.min(max, MOST));
        List<ChatMessage> latest = em.createQuery("select m from ChatMessage m join fetch m.sender"
                        + " where m.conversation.id = :c order by m.id desc", ChatMessage.class)
                .setParameter("c", conversationId).setMaxResults(limit + 1).getResultList();
        boolean more = latest.size() > limit;
        List<ChatMessage> shown = new ArrayList<>(latest.subList(0, Math.min(limit, latest.size())));
        Collections.reverse(shown);
        shown.stream().mapToLong(ChatMessage::getId).max().ifPresent(mine::readUpTo);
        Set<Long> online = presence.onlineNow();
        List<Person> members = presentMembers(conversationId);
        List<PersonCandidate> candidates = people.candidates(members);
        List<ConversationView.Member> shownMembers = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            shownMembers.add(new ConversationView.Member(candidates.get(i), online.contains(members.get(i).getId())));
        }
        return new ConversationView(c.getId(), c.getKind(), c.getTitle(), shownMembers,
                shown.stream().map(m -> ChatLine.of(m, me.getId())).toList(), more);
    }

    /** Messages before {@code beforeId}, the latest of them last (scrolling back through history). */
    public List<ChatLine> earlier(long conversationId, long beforeId, int max) {
        Person me = member();
        membership(me, conversationId);
        List<ChatMessage> older = new ArrayList<>(em.createQuery("select m from ChatMessage m join fetch m.sender"
                        + " where m.conversation.id = :c and m.id < :before order by m.id desc", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("before", beforeId)
                .setMaxResults(Math.max(1, Math.min(max, MOST))).getResultList());
        Collections.reverse(older);
        return older.stream().map(m -> ChatLine.of(m, me.getId())).toList();
    }

    /** Messages after {@code afterId} (what arrived since the page last looked), which are then read. */
    public List<ChatLine> after(long conversationId, long afterId) {
        Person me = member();
        ChatMember mine = membership(me, conversationId);
        List<ChatMessage> newer = em.createQuery("select m from ChatMessage m join fetch m.sender"
                        + " where m.conversation.id = :c and m.id > :after order by m.id", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("after", afterId).setMaxResults(MOST)
                .getResultList();
        newer.stream().mapToLong(ChatMessage::getId).max().ifPresent(mine::readUpTo);
        return newer.stream().map(m -> ChatLine.of(m, me.getId())).toList();
    }

    /**
     * Sends a message: text, or a file the caller uploaded (through the upload checks), or both. The other members
     * are told in their notification centre unless an unread notice of this conversation is already there.
     */
    public ChatLine send(long conversationId, String text, String fileUid) {
        Person me = member();
        ChatMember mine = membership(me, conversationId);
        Conversation c = mine.getConversation();
        FileInfo file = null;
        if (fileUid != null) {
            file = files.infos(List.of(fileUid)).stream().findFirst()
                    .filter(f -> Objects.equals(f.ownerId(), me.getId()))
                    .orElseThrow(() -> new EJBAccessException("file " + fileUid + " is not " + me.getLogin() + "'s"));
        }
        Instant now = clock.now();
        ChatMessage message = new ChatMessage(c, me, text, file, now);
        em.persist(message);
        em.flush();
        c.received(message);
        mine.readUpTo(message.getId());
        NotificationText said = NotificationText.key("notification.chat." + NEW_MESSAGE, me.getFullName());
        String subject = c.getKind() == ConversationKind.GROUP ? c.getTitle() : me.getFullName();
        for (Person other : presentMembers(conversationId)) {
            if (!other.getId().equals(me.getId()) && !toldAlready(other, conversationId)) {
                notifications.post(new Notification(other, Module.MAIL, conversationId, NEW_MESSAGE, subject, said,
                        null, now));
            }
        }
        return ChatLine.of(message, me.getId());
    }

    /** A file sent in a conversation, for its members only. */
    public StoredFile file(long conversationId, String uid) {
        membership(member(), conversationId);
        long sent = em.createQuery("select count(m) from ChatMessage m where m.conversation.id = :c"
                        + " and m.fileUid = :uid", Long.class)
                .setParameter("c", conversationId).setParameter("uid", uid).getSingleResult();
        if (sent == 0) {
            throw new EJBAccessException("no file " + uid + " in conversation " + conversationId);
        }
        return em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", uid).getSingleResult();
    }

    /** How many messages the caller has not read, in all their conversations (the menu's badge). */
    public long unreadTotal() {
        Person me = directory.me();
        if (!me.getUnit().mayUse(Module.MAIL)) {
            return 0;
        }
        return em.createQuery("select count(m) from ChatMessage m, ChatMember k where k.person.id = :me"
                        + " and k.leftAt is null and m.conversation.id = k.conversation.id and m.id > k.lastReadId"
                        + " and m.sender.id <> :me", Long.class)
                .setParameter("me", me.getId()).getSingleResult();
    }

    /** Messages with these words in the caller's present conversations, the latest first. */
    public List<FoundMessage> search(String words, Locale locale) {
        Person me = member();
        if (words == null || words.isBlank()) {
            return List.of();
        }
        String pattern = Like.containing(words);
        List<ChatMessage> found = em.createQuery("select m from ChatMessage m join fetch m.sender, ChatMember k"
                        + " where k.person.id = :me and k.leftAt is null and m.conversation.id = k.conversation.id"
                        + " and (lower(m.body) like :p escape '\\' or lower(m.fileName) like :p escape '\\')"
                        + " order by m.id desc", ChatMessage.class)
                .setParameter("me", me.getId()).setParameter("p", pattern).setMaxResults(MOST).getResultList();
        Map<Long, String> names = new HashMap<>();
        mine().forEach(c -> names.put(c.id(), c.label(locale)));
        return found.stream().map(m -> new FoundMessage(m.getConversation().getId(),
                names.getOrDefault(m.getConversation().getId(), ""), ChatLine.of(m, me.getId()))).toList();
    }

    private boolean toldAlready(Person person, long conversationId) {
        return em.createQuery("select count(n) from Notification n where n.person.id = :p and n.module = :module"
                        + " and n.kind = :kind and n.objectId = :c and n.readAt is null", Long.class)
                .setParameter("p", person.getId()).setParameter("module", Module.MAIL)
                .setParameter("kind", NEW_MESSAGE).setParameter("c", conversationId).getSingleResult() > 0;
    }

    private List<Person> presentMembers(long conversationId) {
        return em.createQuery("select p from ChatMember m join m.person p where m.conversation.id = :c"
                + " and m.leftAt is null order by p.fullName, p.id", Person.class)
                .setParameter("c", conversationId).getResultList();
    }

    private Person member() {
        Person me = directory.me();
        ModuleRights.check(me.getUnit(), Module.MAIL);
        return me;
    }

    /** Someone the caller may talk to: active, in a unit that uses the module. */
    private Person participant(String login) {
        Person p = Person.byLogin(em, login).orElseThrow(() -> new DomainException("chat.noSuchPerson", login));
        if (!p.isActive()) {
            throw new DomainException("chat.personInactive", p.getFullName());
        }
        if (!p.getUnit().mayUse(Module.MAIL)) {
            throw new DomainException("chat.personWithoutModule", p.getFullName());
        }
        return p;
    }

    private ChatMember membership(Person me, long conversationId) {
        ChatMember m = em.find(ChatMember.class, new ChatMember.Key(conversationId, me.getId()));
        if (m == null || !m.isPresent()) {
            throw new EJBAccessException("conversation " + conversationId + " is not " + me.getLogin() + "'s");
        }
        return m;
    }

    private static String preview(ChatMessage m) {
        String text = m.getBody().isEmpty() ? "📎 " + m.getFileName() : m.getBody();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
