/**
 * Metrics for monitoring (O2.5), through WildFly's micrometer subsystem, which serves them with the server's own in
 * Prometheus text format on the management interface ({@code /metrics}; server-config's {@code metrics.cli}).
 * {@link ApplicationMetrics} counts logins and flow actions and {@link OperationsMetrics} job runs: this package
 * depends on no area, so every area may count here. {@code gauges.WorkloadGauges} gauges the open and overdue to-dos
 * and the outbox, read from the database when scraped (at most every few seconds). Meters count on this server only: a cluster's monitoring sums its servers.
 */
package cn.edu.xietong.monitoring;
