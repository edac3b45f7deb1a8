package cn.edu.xietong.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Locale;

/**
 * The application's counters (O2.5), in the registry WildFly's micrometer subsystem gives the deployment:
 * {@code xietong_logins_total{outcome}} and {@code xietong_flow_actions_total{action}} (counted when the command's
 * transaction commits). The gauges of to-dos and the outbox are in {@code gauges.WorkloadGauges}. This package depends
 * on no area, so every area may count here.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApplicationMetrics {

    @Inject
    private MeterRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** A login attempt's outcome ({@code AuditOutcome}'s name): success, failure, or denied (locked, blocked). */
    public void login(String outcome) {
        Counter.builder("xietong.logins").tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .description("Login attempts by outcome").register(registry).increment();
    }

    /** An action appended to a flow's trail ({@code ActionKind}'s name), counted once its transaction commits. */
    public void flowAction(String kind) {
        Counter counter = Counter.builder("xietong.flow.actions").tag("action", kind.toLowerCase(Locale.ROOT))
                .description("Actions on flows, by kind").register(registry);
        OnCommit.run(transactions, counter::increment);
    }
}
