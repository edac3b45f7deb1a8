/**
 * Gauges of work waiting (O2.5): open and overdue to-dos and the mail gateway's outbox by state, read from the shared
 * database when Prometheus scrapes WildFly's {@code /metrics} ({@link WorkloadGauges}, {@link LiveCounts}). Apart from
 * {@code monitoring}, whose counters every area calls, because it reads the flow and mail areas.
 */
package cn.edu.xietong.monitoring.gauges;
