package cn.edu.xietong.monitoring.gauges;

import cn.edu.xietong.mail.OutboxState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * The gauges of work waiting (O2.5): {@code xietong_todos_open}, {@code xietong_todos_overdue} and
 * {@code xietong_outbox_mails{state}} (pending and sending: the mail gateway's queue). They read the database shared
 * by every server when scraped, at most once per {@link #FRESH} (three aggregate queries, {@link LiveCounts}), so a
 * scrape every few seconds costs the database nothing noticeable; every server reports the same figures.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WorkloadGauges {

    private static final Logger LOG = Logger.getLogger(WorkloadGauges.class.getName());
    /** How long values read from the database are reused. */
    static final Duration FRESH = Duration.ofSeconds(5);

    @Inject
    private MeterRegistry registry;

    @EJB
    private LiveCounts live;

    /** The registry is the server's: gauges outlive an undeployment unless taken out, and a gauge of the same name
     *  registered again would be the old one, reading a stopped deployment. */
    private final List<Meter> registered = new ArrayList<>();

    private volatile LiveCounts.Counts counts;
    private volatile long readAtNanos;

    @PostConstruct
    void register() {
        registered.add(Gauge.builder("xietong.todos.open", () -> counts(LiveCounts.Counts::openTodos))
                .description("Open to-dos (approvals) of every flow").register(registry));
        registered.add(Gauge.builder("xietong.todos.overdue", () -> counts(LiveCounts.Counts::overdueTodos))
                .description("Open to-dos past their deadline").register(registry));
        for (OutboxState state : OutboxState.values()) {
            registered.add(Gauge.builder("xietong.outbox.mails", () -> counts(c -> c.outbox().getOrDefault(state, 0L)))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Mails of the mail gateway's outbox by state (pending and sending: the queue)")
                    .register(registry));
        }
    }

    @PreDestroy
    void unregister() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    private double counts(ToLongFunction<LiveCounts.Counts> part) {
        LiveCounts.Counts current = counts;
        if (current == null || System.nanoTime() - readAtNanos > FRESH.toNanos()) {
            try {
                current = live.read();
                counts = current;
                readAtNanos = System.nanoTime();
            } catch (RuntimeException e) {
                LOG.warning(() -> "the monitoring gauges cannot read the database: " + e);
                return Double.NaN;
            }
        }
        return part.applyAsLong(current);
    }
}
