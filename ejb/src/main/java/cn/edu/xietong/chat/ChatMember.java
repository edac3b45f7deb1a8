package cn.edu.xietong.chat;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person in a conversation: since when, until when (a group's member may leave), and how far they have read. */
@Entity
@Table(name = "chat_member")
public class ChatMember {

    /** The key: conversation and person. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "conversation_id")
        private Long conversationId;

        @Column(name = "person_id")
        private Long personId;

        protected Key() {
        }

        Key(long conversationId, long personId) {
            this.conversationId = conversationId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(conversationId, k.conversationId)
                    && Objects.equals(personId, k.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, personId);
        }
    }

    @EmbeddedId
    private Key key;

    @MapsId("conversationId")
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @MapsId("personId")
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "last_read_id", nullable = false)
    private long lastReadId;

    @Column(name = "left_at")
    private Instant leftAt;

    protected ChatMember() {
    }

    ChatMember(Conversation conversation, Person person, Instant at) {
        this.key = new Key(conversation.getId(), person.getId());
        this.conversation = conversation;
        this.person = person;
        this.joinedAt = Objects.requireNonNull(at);
        this.lastReadId = conversation.getLastMessageId(); // history before joining is not unread
    }

    /** Read up to this message (never backwards). */
    void readUpTo(long messageId) {
        lastReadId = Math.max(lastReadId, messageId);
    }

    void leave(Instant at) {
        leftAt = at;
    }

    void rejoin(Instant at) {
        leftAt = null;
        joinedAt = at;
    }

    public boolean isPresent() {
        return leftAt == null;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public Person getPerson() {
        return person;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public long getLastReadId() {
        return lastReadId;
    }

    public Instant getLeftAt() {
        return leftAt;
    }
}
