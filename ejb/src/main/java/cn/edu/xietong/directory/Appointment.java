package cn.edu.xietong.directory;

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

/**
 * A person holds a post. A post in a unit other than the person's own primary unit is a concurrent post (兼职): the
 * person appears among that unit's post holders too, but their primary unit stays one (O3.1).
 */
@Entity
@Table(name = "appointment")
@NamedQuery(name = Appointment.OF_PERSON, query = "select a from Appointment a where a.person.id = :person"
        + " order by a.post.unit.code, a.post.name")
@NamedQuery(name = Appointment.IN_UNIT, query = "select a from Appointment a where a.post.unit.id = :unit"
        + " and a.person.active = true order by a.post.name, a.person.fullName")
@NamedQuery(name = Appointment.POSTS_OF_PEOPLE, query = "select a.person.id, a.post.name, a.post.unit.id"
        + " from Appointment a where a.person.id in :people order by a.post.name")
@NamedQuery(name = Appointment.COUNT_OF_POST, query = "select count(a) from Appointment a where a.post.id = :post")
public class Appointment {

    public static final String OF_PERSON = "Appointment.ofPerson";
    public static final String IN_UNIT = "Appointment.inUnit";
    public static final String COUNT_OF_POST = "Appointment.countOfPost";
    public static final String POSTS_OF_PEOPLE = "Appointment.postsOfPeople";

    @Id
    @SequenceGenerator(name = "appointment_seq", sequenceName = "appointment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appointment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "person_id")
    private Person person;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(nullable = false)
    private Instant since;

    protected Appointment() {
    }

    public Appointment(Person person, Post post, Instant since) {
        this.person = Objects.requireNonNull(person, "person");
        this.post = Objects.requireNonNull(post, "post");
        this.since = Objects.requireNonNull(since, "since");
    }

    /** Whether this is a concurrent post (兼职): in another unit than the person's primary unit. */
    public boolean isConcurrent() {
        return !post.getUnit().getId().equals(person.getUnit().getId());
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Post getPost() {
        return post;
    }

    public Instant getSince() {
        return since;
    }
}
