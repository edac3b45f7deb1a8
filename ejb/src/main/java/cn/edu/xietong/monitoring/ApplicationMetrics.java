package cn.edu.xietong.monitoring;

import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.flow.trail.ActionKind;
import cn.edu.xietong.mail.OutboxState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * The application's meters (O2.5), in the registry WildFly's micrometer subsystem gives the deployment:
 * {@code xietong_logins_total{outcome}}, {@code xietong_flow_actions_total{action}} (counted when the command's
 * transaction commits), and the gauges {@code xietong_todos_open}, {@code xietong_todos_overdue} and
 * {@code xietong_outbox_mails{state}}. The gauges read the database when scraped, at most once per
 * {@link #FRESH} (three aggregate queries), so a scrape every few seconds costs the database nothing noticeable.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApplicationMetrics {

    private static final Logger LOG = Logger.getLogger(ApplicationMetrics.class.getName());
    /** How long gauge values read from the database are reused. */
    static final Duration FRESH = Duration.ofSeconds(5);

    @Inject
    private MeterRegistry registry;

    @EJB
    private LiveCounts live;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private volatile LiveCounts.Counts counts;
    private volatile long readAtNanos;

    @PostConstruct
    void register() {
        Gauge.builder("xietong.todos.open", () -> counts(LiveCounts.Counts::openTodos))
                .description("Open to-dos (approvals) of every flow").register(registry);
        Gauge.builder("xietong.todos.overdue", () -> counts(LiveCounts.Counts::overdueTodos))
                .description("Open to-dos past their deadline").register(registry);
        for (OutboxState state : OutboxState.values()) {
            Gauge.builder("xietong.outbox.mails", () -> counts(c -> c.outbox().getOrDefault(state, 0L)))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Mails of the mail gateway's outbox by state (pending and sending: the queue)")
                    .register(registry);
        }
    }

    /** A login attempt's outcome: success, failure (wrong credentials) or denied (locked, blocked). */
    public void login(AuditOutcome outcome) {
        Counter.builder("xietong.logins").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Login attempts by outcome").register(registry).increment();
    }

    /** An action appended to a flow's trail, counted once its transaction commits. */
    public void flowAction(ActionKind kind) {
        Counter counter = Counter.builder("xietong.flow.actions").tag("action", kind.name().toLowerCase(Locale.ROOT))
                .description("Actions on flows, by kind").register(registry);
        OnCommit.run(transactions, counter::increment);
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
