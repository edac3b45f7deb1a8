package cn.edu.xietong.notices;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That a person of an item's audience has read it, and when (B4: read tracking, must-read reminders). */
@Entity
@Table(name = "notice_read")
public class NoticeRead {

    /** The key: item and reader. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "notice_id")
        private Long noticeId;

        @Column(name = "person_id")
        private Long personId;

        protected Key() {
        }

        Key(long noticeId, long personId) {
            this.noticeId = noticeId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(noticeId, k.noticeId) && Objects.equals(personId, k.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, personId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected NoticeRead() {
    }

    NoticeRead(long noticeId, long personId, Instant at) {
        this.key = new Key(noticeId, personId);
        this.readAt = Objects.requireNonNull(at);
    }

    public Long getPersonId() {
        return key.personId;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
