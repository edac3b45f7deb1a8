package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who must enrol a second factor at their next login whatever the policy says (S2): the administrators
 * created at the first start from the environment ({@code FirstAdministrator}). The login sends them to the enrolment
 * page like a privileged role under the policy; the mark is gone after their first login with a second factor.
 */
@Entity
@Table(name = "enrolment_due")
public class EnrolmentDue {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "due_since", nullable = false)
    private Instant dueSince;

    protected EnrolmentDue() {
    }

    /** The person must already be stored (they need an id). */
    public EnrolmentDue(Person person, Instant dueSince) {
        this.personId = Objects.requireNonNull(person.getId(), "a stored person");
        this.dueSince = Objects.requireNonNull(dueSince, "dueSince");
    }

    public Instant getDueSince() {
        return dueSince;
    }
}
