package cn.edu.xietong.chat;

import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings new messages to the people connected to this server (A4), wherever they were written. Every second this
 * server looks in the shared database for messages written in the last {@link #WINDOW} — by this server or any other
 * of a cluster — and tells each listener of a member of their conversation, once per message. The database is the
 * only thing the servers share, so nothing is lost when a server joins or leaves and no broker is needed; a message
 * reaches an open page within about a second. The web tier registers one listener per open page (its websocket).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class ChatPulse {

    /** How far back each look reaches: longer than any transaction that writes a message takes to commit. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ChatPulse.class.getName());

    private final Map<String, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    private final Map<Long, Instant> told = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    /** Tells {@code listener} the conversation id of every new message in a conversation {@code login} is in. */
    public void listen(String login, LongConsumer listener) {
        listeners.computeIfAbsent(login, l -> new CopyOnWriteArraySet<>()).add(listener);
    }

    /** The listener no longer hears anything (its page was closed). */
    public void stop(String login, LongConsumer listener) {
        listeners.computeIfPresent(login, (l, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** One look at the database (the timer's, every second). */
    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "chat pulse")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void look() {
        Instant now = clock.now();
        told.values().removeIf(at -> at.isBefore(now.minus(WINDOW.multipliedBy(3))));
        if (listeners.isEmpty()) {
            return;
        }
        List<Object[]> fresh = em.createQuery("select m.id, m.conversation.id from ChatMessage m"
                + " where m.sentAt > :since order by m.id", Object[].class)
                .setParameter("since", now.minus(WINDOW)).getResultList();
        List<Object[]> untold = fresh.stream().filter(row -> !told.containsKey((Long) row[0])).toList();
        if (untold.isEmpty()) {
            return;
        }
        List<Long> conversations = untold.stream().map(row -> (Long) row[1]).distinct().toList();
        Map<Long, List<String>> members = new HashMap<>();
        for (Object[] row : em.createQuery("select m.conversation.id, p.login from ChatMember m join m.person p"
                        + " where m.conversation.id in :ids and m.leftAt is null", Object[].class)
                .setParameter("ids", conversations).getResultList()) {
            members.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        for (Object[] row : untold) {
            told.put((Long) row[0], now);
            long conversation = (Long) row[1];
            for (String login : members.getOrDefault(conversation, List.of())) {
                for (LongConsumer listener : listeners.getOrDefault(login, Set.of())) {
                    try {
                        listener.accept(conversation);
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "a chat listener of " + login + " failed", e);
                    }
                }
            }
        }
    }
}
