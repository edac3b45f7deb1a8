package cn.edu.xietong.it.operations;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.Scrape;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.monitoring.OperationsMetrics;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.5: WildFly's micrometer subsystem serves Xietong's meters with the server's own, in Prometheus text format, at
 * /metrics on the management interface: logins by outcome, flow actions by kind, open and overdue to-dos and the
 * outbox by state (read from the database when scraped), job runs by job and status. Run in the server, which scrapes
 * its own management port (9990 + the port offset) as Prometheus would.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String PASSWORD = "Metrics-IT-2026";

    @EJB
    private TestData data;

    @EJB
    private Authentication authentication;

    @EJB
    private FlowCommands commands;

    @EJB
    private OperationsMetrics operations;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void theMetricsEndpointAnswersInPrometheusFormatWithLoginsFlowActionsToDosOutboxAndJobRuns() throws Exception {
        String before = Scrape.metrics().body();
        double successes = Math.max(0, Scrape.sample(before, "xietong_logins_total", "outcome=\"success\""));
        double failures = Math.max(0, Scrape.sample(before, "xietong_logins_total", "outcome=\"failure\""));
        double submits = Math.max(0, Scrape.sample(before, "xietong_flow_actions_total", "action=\"submit\""));

        Person leader = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_LEADER);
        Person staff = data.personIn(data.unitOf(leader.getLogin()), PASSWORD, cheap, Role.STAFF);
        assertEquals(LoginResult.Outcome.SUCCESS,
                authentication.logIn(staff.getLogin(), PASSWORD.toCharArray(), "127.0.0.1").outcome());
        authentication.logIn(staff.getLogin(), "wrong".toCharArray(), "127.0.0.1");
        AsPerson.call(staff, () -> commands.start(data.publishedDesign("leave"), "请假",
                FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-08", "days", "5", "reason", "事由")),
                Map.of("school", List.of("liming"))));
        operations.jobRun("metrics-it", "COMPLETED");

        HttpResponse<String> response = Scrape.metrics();
        assertEquals(200, response.statusCode(), "no password asked of the scraper");
        // WildFly sends no Content-Type: Prometheus 3 needs fallback_scrape_protocol (docs/operations.md)
        String body = response.body();
        assertTrue(body.contains("# TYPE xietong_logins_total counter")
                && body.contains("# HELP xietong_logins_total Login attempts by outcome"), "Prometheus text format");
        assertEquals(successes + 1, Scrape.sample(body, "xietong_logins_total", "outcome=\"success\""));
        assertEquals(failures + 1, Scrape.sample(body, "xietong_logins_total", "outcome=\"failure\""));
        assertEquals(submits + 1, Scrape.sample(body, "xietong_flow_actions_total", "action=\"submit\""));
        // the gauges reuse what they read for up to 5 seconds
        for (int i = 0; i < 30 && Scrape.sample(body, "xietong_todos_open", null) < 1; i++) {
            Thread.sleep(250);
            body = Scrape.metrics().body();
        }
        assertTrue(Scrape.sample(body, "xietong_todos_open", null) >= 1, "the new to-do is open");
        assertTrue(Scrape.sample(body, "xietong_todos_overdue", null) >= 0);
        assertTrue(Scrape.sample(body, "xietong_outbox_mails", "state=\"pending\"") >= 0);
        assertEquals(1, Scrape.sample(body, "xietong_job_runs_total", "job=\"metrics-it\""));
        assertTrue(body.contains("status=\"completed\""));
    }
}
