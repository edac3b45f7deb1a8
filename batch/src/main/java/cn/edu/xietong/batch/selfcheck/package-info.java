/**
 * The self-check job ({@code self-check.xml}, C1): a chunk step reads the schema's table names, counts each table's
 * rows and appends the counts to the run's {@link cn.edu.xietong.operations.SelfCheckReport}; a batchlet closes the
 * report. Every artefact only delegates to {@link cn.edu.xietong.operations.SelfChecks}.
 */
package cn.edu.xietong.batch.selfcheck;
