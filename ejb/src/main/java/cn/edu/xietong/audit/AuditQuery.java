package cn.edu.xietong.audit;

import java.time.Instant;

/**
 * A search of the audit trail; every criterion is optional.
 *
 * @param from       earliest time, inclusive
 * @param to         latest time, exclusive
 * @param actorLogin the person (exact login name)
 * @param event      the kind of event
 * @param outcome    the outcome
 */
public record AuditQuery(Instant from, Instant to, String actorLogin, AuditEvent event, AuditOutcome outcome) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null);
    }
}
