package cn.edu.xietong.flow.notice;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.FlowInstance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An in-app notice about a flow for one person, until they read it. */
@Entity
@Table(name = "flow_notice")
@NamedQuery(name = FlowNotice.UNREAD_OF, query = "select n from FlowNotice n where n.person.id = :person"
        + " and n.readAt is null order by n.createdAt desc")
public class FlowNotice {

    public static final String UNREAD_OF = "FlowNotice.unreadOf";

    @Id
    @SequenceGenerator(name = "flow_notice_seq", sequenceName = "flow_notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_notice_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "instance_id", nullable = false)
    private FlowInstance instance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoticeKind kind;

    @Column(length = FlowInstance.MAX_NOTE)
    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected FlowNotice() {
    }

    public FlowNotice(Person person, FlowInstance instance, NoticeKind kind, String note, Instant at) {
        this.person = person;
        this.instance = instance;
        this.kind = kind;
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > FlowInstance.MAX_NOTE) {
            throw new IllegalArgumentException("a notice's note is at most " + FlowInstance.MAX_NOTE + " characters, not cut");
        }
        this.note = text;
        this.createdAt = at;
    }

    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public FlowInstance getInstance() {
        return instance;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
