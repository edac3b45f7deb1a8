package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.Objects;

/** A folder of one's own in one's mailbox (A4); names are unique per owner. */
@Entity
@Table(name = "mail_folder")
@NamedQuery(name = MailFolder.OF_OWNER, query = "select f from MailFolder f where f.owner.id = :owner order by f.name")
@NamedQuery(name = MailFolder.NAMED, query = "select count(f) from MailFolder f where f.owner.id = :owner"
        + " and lower(f.name) = lower(:name)")
public class MailFolder {

    public static final String OF_OWNER = "MailFolder.ofOwner";
    public static final String NAMED = "MailFolder.named";
    public static final int MAX_NAME = 60;
    public static final int MOST = 100;

    @Id
    @SequenceGenerator(name = "mail_folder_seq", sequenceName = "mail_folder_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_folder_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private Person owner;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MailFolder() {
    }

    public MailFolder(Person owner, String name, Instant at) {
        this.owner = Objects.requireNonNull(owner);
        rename(name);
        this.createdAt = Objects.requireNonNull(at);
    }

    /** A folder's name: 1 to 60 characters, not blank. */
    public void rename(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new DomainException("mailbox.folder.badName", MAX_NAME);
        }
        this.name = n;
    }

    public Long getId() {
        return id;
    }

    public Person getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }
}
