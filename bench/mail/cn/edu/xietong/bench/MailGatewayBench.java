package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark 2 of issue #13: e-mails per second the durable outbox delivers (OutboxSender: a claim, a lease and the
 * outcome recorded per mail, each in its own transaction) against a plain Jakarta Mail loop (Transport.send on the
 * same mail session), to the same GreenMail server, in the same server run, alternating which path goes first.
 * Writes target/bench-mail-gateway.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailGatewayBench {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(MailBenchServlet.class, MailBenchData.class, MailBenchData.University.class);
    }

    @Test
    void outboxAgainstPlainLoop() throws Exception {
        int count = Integer.getInteger("bench.mails", 250);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int warm = Integer.getInteger("bench.warmMails", 250);
        List<String> lines = new ArrayList<>();
        run("outbox", warm);
        run("plain", warm);
        int sent = 2 * warm;
        List<Double> outbox = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            String first = r % 2 == 0 ? "outbox" : "plain";
            String second = r % 2 == 0 ? "plain" : "outbox";
            Map<String, String> a = run(first, count);
            Map<String, String> b = run(second, count);
            sent += 2 * count;
            double o = Double.parseDouble(("outbox".equals(first) ? a : b).get("perSecond"));
            double p = Double.parseDouble(("plain".equals(first) ? a : b).get("perSecond"));
            outbox.add(o);
            plain.add(p);
            ratios.add(o / p);
            lines.add(String.format("round %d (%s first): outbox %.1f mails/s (%s ms), plain loop %.1f mails/s (%s ms),"
                            + " ratio %.2f", r + 1, first, o, ("outbox".equals(first) ? a : b).get("ms"), p,
                    ("plain".equals(first) ? a : b).get("ms"), o / p));
        }
        for (int i = 0; i < 100 && SMTP.getReceivedMessages().length < sent; i++) {
            Thread.sleep(100);
        }
        assertEquals(sent, SMTP.getReceivedMessages().length, "GreenMail received every mail once");
        lines.add(String.format("%d mails per run, %d runs per path after %d of warm-up each; GreenMail received %d",
                count, rounds, warm, SMTP.getReceivedMessages().length));
        lines.add("outbox mails/s: " + MailBenchClient.spread(outbox));
        lines.add("plain loop mails/s: " + MailBenchClient.spread(plain));
        lines.add("ratio outbox/plain: " + MailBenchClient.spread(ratios));
        MailBenchClient.report("bench-mail-gateway.txt", lines);
    }

    private Map<String, String> run(String path, int count) throws Exception {
        return MailBenchClient.call(base, "gateway", "path=" + path + "&count=" + count);
    }
}
