package cn.edu.xietong.inspection;

import cn.edu.xietong.directory.Module;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The modules a top-level unit could use when the last inspection looked (O2.7, O1.7): the next inspection reports the
 * unit if they differ, and keeps what it saw. Kept by the inspection itself rather than read from the audit trail, so
 * a change made past the application (in the database) is seen too.
 */
@Entity
@Table(name = "inspection_module_snapshot")
public class ModuleSnapshot {

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
