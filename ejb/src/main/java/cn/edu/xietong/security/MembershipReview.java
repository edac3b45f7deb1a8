package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * The unit IT staff's review of whether a person still belongs to their unit (O3.2): when it was last confirmed and
 * by whom, and a report that the person has left, for the system administrator to act on. An account is approved for
 * its unit when it is made, so a person without a review row counts as confirmed at {@link Person#getCreatedAt()},
 * with no report; the row is made by the first confirmation, report or move.
 */
@Entity
@Table(name = "membership_review")
@NamedQuery(name = MembershipReview.LEAVERS_REPORTED, query = "select r from MembershipReview r"
        + " where r.person.active = true and r.leaverReportedAt is not null order by r.leaverReportedAt")
@NamedQuery(name = MembershipReview.IN_UNITS, query = "select r from MembershipReview r"
        + " where r.person.unit.id in :units")
@NamedQuery(name = MembershipReview.CONFIRMED_BEFORE, query = "select r from MembershipReview r"
        + " where r.person.active = true and (r.confirmedAt is null or r.confirmedAt < :since)")
@NamedQuery(name = MembershipReview.CREATED_BEFORE, query = "select p from Person p"
        + " where p.active = true and p.createdAt < :since")
@NamedQuery(name = MembershipReview.REVIEWED, query = "select r.personId from MembershipReview r")
public class MembershipReview {

    public static final String LEAVERS_REPORTED = "MembershipReview.leaversReported";
    static final String IN_UNITS = "MembershipReview.inUnits";
    /** Reviews of active people last confirmed before :since (or never). */
    static final String CONFIRMED_BEFORE = "MembershipReview.confirmedBefore";
    /**
     * Active people whose account was made before :since: those among them without a review ({@link #REVIEWED}) were
     * confirmed only by their approval. (A NOT EXISTS subquery here makes EclipseLink print the parameters into the
     * statement, and the boolean as 1, which H2 refuses.)
     */
    static final String CREATED_BEFORE = "MembershipReview.createdBefore";
    /** The ids of the people who have a review. */
    static final String REVIEWED = "MembershipReview.reviewed";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "person_id")
    private Person person;

    /** When the unit's IT staff last confirmed that the person still belongs to the unit (O3.2). */
    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    /** Reported by the unit's IT staff as no longer belonging, for the system administrator to act on. */
    @Column(name = "leaver_reported_at")
    private Instant leaverReportedAt;

    @Column(name = "leaver_reported_by", length = 64)
    private String leaverReportedBy;

    @Column(name = "leaver_reason", length = 500)
    private String leaverReason;

    @Version
    private long version;

    protected MembershipReview() {
    }

    /** The review a person has before any: confirmed by the approval of their account, at its creation. */
    MembershipReview(Person person) {
        this.person = Objects.requireNonNull(person, "person");
        this.confirmedAt = person.getCreatedAt();
    }

    /** The person's review as it stands; not stored (a person without a row is confirmed at their creation). */
    public static MembershipReview current(EntityManager em, Person person) {
        MembershipReview found = person.getId() == null ? null : em.find(MembershipReview.class, person.getId());
        return found != null ? found : new MembershipReview(person);
    }

    /** The person's review, stored from now on, to be changed. */
    public static MembershipReview forChange(EntityManager em, Person person) {
        MembershipReview review = current(em, person);
        if (!em.contains(review)) {
            em.persist(review);
        }
        return review;
    }

    /** The unit's IT staff confirm that the person still belongs to the unit (O3.2); a leaver report is withdrawn. */
    public void confirmMembership(Instant at, String by) {
        if (!person.isActive()) {
            throw new IllegalStateException(person + " is deactivated");
        }
        confirmedAt = Objects.requireNonNull(at, "at");
        confirmedBy = by;
        clearLeaverReport();
    }

    /** The unit's IT staff report that the person no longer belongs (O3.2): the system administrator acts on it. */
    public void reportLeaver(Instant at, String by, String reason) {
        if (!person.isActive()) {
            throw new IllegalStateException(person + " is deactivated");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("a leaver report needs a reason of at most 500 characters");
        }
        leaverReportedAt = Objects.requireNonNull(at, "at");
        leaverReportedBy = by;
        leaverReason = reason.strip();
    }

    /** The person was deactivated: that settles a leaver report (O2.6, O3.2). */
    public void deactivated() {
        clearLeaverReport();
    }

    /**
     * The person was moved to another primary unit: the move is the administrator's confirmation for the new unit, and
     * settles a leaver report.
     */
    public void moved(Instant at, String by) {
        confirmedAt = Objects.requireNonNull(at, "at");
        confirmedBy = by;
        clearLeaverReport();
    }

    private void clearLeaverReport() {
        leaverReportedAt = null;
        leaverReportedBy = null;
        leaverReason = null;
    }

    public boolean isLeaverReported() {
        return leaverReportedAt != null;
    }

    public Person getPerson() {
        return person;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getLeaverReportedAt() {
        return leaverReportedAt;
    }

    public String getLeaverReportedBy() {
        return leaverReportedBy;
    }

    public String getLeaverReason() {
        return leaverReason;
    }
}
