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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A personal group of recipients (A4): its owner's alone, used as one address. */
@Entity
@Table(name = "mail_group")
@NamedQuery(name = MailGroup.OF_OWNER, query = "select g from MailGroup g where g.owner.id = :owner order by g.name")
public class MailGroup {

    public static final String OF_OWNER = "MailGroup.ofOwner";
    public static final int MAX_NAME = 60;
    public static final int MAX_MEMBERS = 500;

    @Id
    @SequenceGenerator(name = "mail_group_seq", sequenceName = "mail_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_group_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private Person owner;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "mail_group_member", joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> members = new LinkedHashSet<>();

    protected MailGroup() {
    }

    public MailGroup(Person owner, String name, Collection<Person> members) {
        this.owner = Objects.requireNonNull(owner);
        change(name, members);
    }

    /** New name and members: 1 to 60 characters, 1 to 500 people. */
    public void change(String name, Collection<Person> members) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new DomainException("mailbox.group.badName", MAX_NAME);
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new DomainException("mailbox.group.badSize", MAX_MEMBERS);
        }
        this.name = n;
        this.members = new LinkedHashSet<>(members);
    }

    public boolean belongsTo(Person person) {
        return owner.getId().equals(person.getId());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Person> getMembers() {
        return Set.copyOf(members);
    }
}
