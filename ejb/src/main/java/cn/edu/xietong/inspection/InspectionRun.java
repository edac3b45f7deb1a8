package cn.edu.xietong.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One inspection run (per job instance): how many objects its steps go through, for the progress of the run (C1). It
 * also holds the inspection's queries: the ids each step goes through, in order, after its checkpoint.
 */
@Entity
@Table(name = "inspection_run")
@NamedQuery(name = InspectionRun.DOCUMENT_IDS, query = "select d.id from Document d where d.id > :after"
        + " and d.state <> cn.edu.xietong.documents.DocumentState.BINNED order by d.id")
@NamedQuery(name = InspectionRun.PERSON_IDS, query = "select p.id from Person p where p.id > :after order by p.id")
@NamedQuery(name = InspectionRun.CORE_INSTANCE_IDS, query = "select i.id from FlowInstance i where i.id > :after"
        + " and i.design.core = true and i.status = cn.edu.xietong.flow.instance.InstanceStatus.RUNNING order by i.id")
@NamedQuery(name = InspectionRun.TOP_UNIT_IDS, query = "select u.id from Unit u where u.id > :after"
        + " and u.parent is null order by u.id")
@NamedQuery(name = InspectionRun.GRANTS_OF_PERSON, query = "select g from DocumentGrant g where g.person.id = :person"
        + " order by g.id")
@NamedQuery(name = InspectionRun.CORE_PLACES_OF_PERSON, query = "select c from CoreParticipant c"
        + " where c.person.id = :person order by c.designCode")
public class InspectionRun {

    static final String DOCUMENT_IDS = "Inspection.documentIds";
    static final String PERSON_IDS = "Inspection.personIds";
    static final String CORE_INSTANCE_IDS = "Inspection.coreInstanceIds";
    static final String TOP_UNIT_IDS = "Inspection.topUnitIds";
    static final String GRANTS_OF_PERSON = "Inspection.grantsOfPerson";
    static final String CORE_PLACES_OF_PERSON = "Inspection.corePlacesOfPerson";

    @Id
    @Column(name = "job_instance_id")
    private long jobInstanceId;

    @Column(nullable = false)
    private long items;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected InspectionRun() {
    }

    InspectionRun(long jobInstanceId, long items, Instant startedAt) {
        this.jobInstanceId = jobInstanceId;
        this.items = items;
        this.startedAt = startedAt;
    }

    public long getItems() {
        return items;
    }
}
