package cn.edu.xietong.flow;

import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.FlowInstance;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one way a command runs on a flow instance (B3, A2): the transition gets its context — the office clock's now, the
 * directory as the instance's design sees it, the working-day deadlines — and then the trail is sealed in the same
 * transaction, so every action it appended is signed before the commit and everyone it concerns is notified
 * ({@link FlowTrail#seal}). The services lock the instance and check the caller's right to it before they run a
 * command; none of them seals by hand. Built per call over the caller's entity manager.
 */
public final class CommandRunner {

    private final EntityManager em;
    private final FlowTrail trail;
    private final Instant now;
    private final WorkingCalendar calendar;

    /** @param now the office clock's time of the command; {@code calendar} the working days its deadlines count */
    public CommandRunner(EntityManager em, FlowTrail trail, Instant now, WorkingCalendar calendar) {
        this.em = em;
        this.trail = trail;
        this.now = now;
        this.calendar = calendar;
    }

    /** Runs the command's transition on the (locked) instance and seals the trail; returns the instance. */
    public FlowInstance run(FlowInstance instance, Consumer<FlowContext> command) {
        command.accept(FlowDirectory.contextFor(em, instance, now, calendar));
        trail.seal(instance);
        return instance;
    }
}
