package cn.edu.xietong.inspection;

import cn.edu.xietong.directory.Module;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The modules a top-level unit could use when the last inspection looked (O2.7, O1.7): the next inspection reports the
 * unit if they differ, and keeps what it saw. Kept by the inspection itself rather than read from the audit trail, so
 * a change made past the application (in the database) is seen too. It also holds the inspection's queries: the ids
 * each step goes through, in order, after its checkpoint, and what it looks up about a person.
 */
@Entity
@Table(name = "inspection_module_snapshot")
@NamedQuery(name = ModuleSnapshot.DOCUMENT_IDS, query = "select d.id from Document d where d.id > :after"
        + " and d.state <> cn.edu.xietong.documents.DocumentState.BINNED order by d.id")
@NamedQuery(name = ModuleSnapshot.PERSON_IDS, query = "select p.id from Person p where p.id > :after order by p.id")
@NamedQuery(name = ModuleSnapshot.CORE_INSTANCE_IDS, query = "select i.id from FlowInstance i where i.id > :after"
        + " and i.design.core = true and i.status = cn.edu.xietong.flow.instance.InstanceStatus.RUNNING order by i.id")
@NamedQuery(name = ModuleSnapshot.TOP_UNIT_IDS, query = "select u.id from Unit u where u.id > :after"
        + " and u.parent is null order by u.id")
@NamedQuery(name = ModuleSnapshot.GRANTS_OF_PERSON, query = "select g from DocumentGrant g where g.person.id = :person"
        + " order by g.id")
@NamedQuery(name = ModuleSnapshot.CORE_PLACES_OF_PERSON, query = "select c from CoreParticipant c"
        + " where c.person.id = :person order by c.designCode")
public class ModuleSnapshot {

    static final String DOCUMENT_IDS = "Inspection.documentIds";
    static final String PERSON_IDS = "Inspection.personIds";
    static final String CORE_INSTANCE_IDS = "Inspection.coreInstanceIds";
    static final String TOP_UNIT_IDS = "Inspection.topUnitIds";
    static final String GRANTS_OF_PERSON = "Inspection.grantsOfPerson";
    static final String CORE_PLACES_OF_PERSON = "Inspection.corePlacesOfPerson";

    @Id
    @Column(name = "unit_id")
    private long unitId;

    /** The module names, sorted, comma-separated; empty for none. */
    @Column(nullable = false, length = 200)
    private String modules;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(name = "job_instance_id", nullable = false)
    private long jobInstanceId;

    protected ModuleSnapshot() {
    }

    ModuleSnapshot(long unitId, Set<Module> modules, Instant takenAt, long jobInstanceId) {
        this.unitId = unitId;
        see(modules, takenAt, jobInstanceId);
    }

    /** Keeps what an inspection saw now. */
    void see(Set<Module> modules, Instant at, long instance) {
        this.modules = text(modules);
        this.takenAt = at;
        this.jobInstanceId = instance;
    }

    Set<Module> modules() {
        Set<Module> set = EnumSet.noneOf(Module.class);
        if (!modules.isEmpty()) {
            Arrays.stream(modules.split(",")).map(Module::valueOf).forEach(set::add);
        }
        return set;
    }

    long jobInstanceId() {
        return jobInstanceId;
    }

    /** The modules as the report writes them: names in the enum's order, comma-separated. */
    static String text(Set<Module> modules) {
        return modules.stream().sorted().map(Module::name).collect(Collectors.joining(","));
    }
}
