/**
 * Metrics for monitoring (O2.5), through WildFly's micrometer subsystem, which serves them with the server's own in
 * Prometheus text format on the management interface ({@code /metrics}; server-config's {@code metrics.cli}).
 * {@link ApplicationMetrics} counts logins and flow actions and gauges the open and overdue to-dos and the outbox,
 * read from the database when scraped ({@link LiveCounts}, at most every few seconds); {@link OperationsMetrics}
 * counts job runs for the operations jobs. Meters count on this server only: a cluster's monitoring sums its servers.
 */
package cn.edu.xietong.monitoring;
