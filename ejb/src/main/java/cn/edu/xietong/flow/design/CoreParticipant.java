package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;
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

/** A person the supervisor lets take part in a core flow (O1.4), for every version of its design code. */
@Entity
@Table(name = "flow_core_participant")
@NamedQuery(name = CoreParticipant.OF_CODE, query = "select c from CoreParticipant c where c.designCode = :code"
        + " order by c.person.unit.code, c.person.fullName")
public class CoreParticipant {

    public static final String OF_CODE = "CoreParticipant.ofCode";

    @Id
    @SequenceGenerator(name = "flow_core_participant_seq", sequenceName = "flow_core_participant_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_core_participant_seq")
    private Long id;

    @Column(name = "design_code", nullable = false, length = 40)
    private String designCode;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    protected CoreParticipant() {
    }

    public CoreParticipant(String designCode, Person person, Instant at, String by) {
        this.designCode = designCode;
        this.person = person;
        this.addedAt = at;
        this.addedBy = by;
    }

    public Long getId() {
        return id;
    }

    public String getDesignCode() {
        return designCode;
    }

    public Person getPerson() {
        return person;
    }
}
