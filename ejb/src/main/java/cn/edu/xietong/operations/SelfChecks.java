package cn.edu.xietong.operations;

import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The system self-check (C1, O2.5): counts the rows of every table in the application's schema and keeps the result
 * as a {@link SelfCheckReport}. The self-check batch job calls these methods step by step; operators read the reports.
 */
@Stateless
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class SelfChecks {

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    /** The tables of the application's schema, as the database names them, in alphabetical order. */
    public List<String> tableNames() {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData()
                     .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of the schema", e);
        }
    }

    /**
     * Counts the rows of one table of the schema. The name must be one {@link #tableNames()} returned: it is
     * checked against the database's own catalogue before it is quoted into the statement.
     */
    public TableCount countRows(String tableName) {
        if (!tableNames().contains(tableName)) {
            throw new IllegalArgumentException("not a table of the schema: " + tableName);
        }
        String quoted = '"' + tableName.replace("\"", "\"\"") + '"';
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + quoted)) {
            result.next();
            return new TableCount(tableName.toLowerCase(Locale.ROOT), result.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + tableName, e);
        }
    }

    /** Opens the report of a job execution (idempotent: a restarted execution keeps its report). */
    public SelfCheckReport open(long jobExecutionId, String startedBy) {
        return byExecution(jobExecutionId).orElseGet(() -> {
            SelfCheckReport report = new SelfCheckReport(jobExecutionId, startedBy, clock.now());
            em.persist(report);
            return report;
        });
    }

    public void record(long jobExecutionId, Collection<TableCount> counts) {
        require(jobExecutionId).record(counts);
    }

    public SelfCheckReport finish(long jobExecutionId) {
        SelfCheckReport report = require(jobExecutionId);
        report.finish(clock.now());
        return report;
    }

    public Optional<SelfCheckReport> byExecution(long jobExecutionId) {
        return em.createNamedQuery(SelfCheckReport.BY_EXECUTION, SelfCheckReport.class)
                .setParameter("executionId", jobExecutionId)
                .getResultStream().findFirst();
    }

    /** The newest finished report, if any run has finished. */
    public Optional<SelfCheckReport> latest() {
        return em.createNamedQuery(SelfCheckReport.LATEST_FINISHED, SelfCheckReport.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private SelfCheckReport require(long jobExecutionId) {
        return byExecution(jobExecutionId).orElseThrow(
                () -> new IllegalStateException("no self-check report for execution " + jobExecutionId));
    }
}
