package cn.edu.xietong.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a chat message straight into the shared database, as another server of a cluster would (A4). */
@Stateless
public class ChatData {

    @PersistenceContext
    private EntityManager em;

    /** A message written without this server's services; answers its id (far above what the sequence hands out). */
    public long messageFromElsewhere(long conversationId, long senderId, String text, Instant at) {
        long id = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        em.createNativeQuery("insert into chat_message (id, conversation_id, sender_id, body, sent_at)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, conversationId).setParameter(3, senderId)
                .setParameter(4, text).setParameter(5, Timestamp.from(at)).executeUpdate();
        return id;
    }
}
