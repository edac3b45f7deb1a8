package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark 3 of issue #13, on PostgreSQL only: a person with 1,000 mails opens their inbox (Mailbox.list of the
 * first 50, overview, unread count, inbox count) when the database holds 10,000 mail entries, then again after
 * bench/mail/mailbox-scale.sql has filled it to 10 million (1 million messages, ten entries each), in the same
 * server run. Writes target/bench-mail-inbox.txt, and the query plans at the large size to
 * target/bench-mail-explain.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailboxScaleBench {

    private static final String[] OPERATIONS = {"list", "overview", "unread", "count", "all"};

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(MailBenchServlet.class, MailBenchData.class, MailBenchData.University.class);
    }

    @Test
    void inboxAtTenThousandAndTenMillionEntries() throws Exception {
        int messages = Integer.getInteger("bench.messages", 1_000_000);
        int repeats = Integer.getInteger("bench.rounds", 3);
        Map<String, String> u = MailBenchClient.call(base, "university", "units=60&people=3000");
        String tag = u.get("tag");
        String reader = tag + "p0";
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("tag", tag);
        vars.put("messages", String.valueOf(messages));
        vars.put("step", String.valueOf(Math.max(1, 365 * 24 * 3600 / messages)));
        Map<String, String> sections = sections(Path.of(System.getProperty("bench.sql",
                "../bench/mail/mailbox-scale.sql")));
        List<String> lines = new ArrayList<>();
        Map<String, List<Map<String, Double>>> measured = new LinkedHashMap<>();
        try (Connection c = MailBenchClient.database().orElseThrow(
                () -> new IllegalStateException("the inbox benchmark runs on PostgreSQL (bench/mail.sh)"))) {
            vars.put("reader", String.valueOf(single(c, "select id from person where login = '" + reader + "'")));
            run(c, sections, "pool", vars);
            run(c, sections, "folder", vars);
            vars.put("which", "g % 1000 = 0");
            run(c, sections, "mail", vars);
            run(c, sections, "entries", vars);
            run(c, sections, "analyze", vars);
            long small = single(c, "select count(*) from mail_entry");
            lines.add(String.format("small: %,d mail_entry rows, %,d mail_message rows; the reader has %,d entries",
                    small, single(c, "select count(*) from mail_message"),
                    single(c, "select count(*) from mail_entry where owner_id = " + vars.get("reader"))));
            // the server's first openings run interpreted code: warm up well before the first state is measured
            MailBenchClient.call(base, "inbox", "login=" + reader + "&warm=1000&rounds=1");
            measured.put("small", measure(reader, repeats, lines, "small"));

            vars.put("which", "g % 1000 <> 0");
            long g0 = System.nanoTime();
            run(c, sections, "mail", vars);
            long g1 = System.nanoTime();
            run(c, sections, "drop-indexes", vars);
            run(c, sections, "entries", vars);
            long g2 = System.nanoTime();
            run(c, sections, "add-indexes", vars);
            long g3 = System.nanoTime();
            run(c, sections, "analyze", vars);
            long g4 = System.nanoTime();
            long large = single(c, "select count(*) from mail_entry");
            lines.add(String.format("large: %,d mail_entry rows, %,d mail_message rows; the reader has %,d entries;"
                            + " generated in %.0f s (messages %.0f s, entries %.0f s, indexes %.0f s, vacuum analyze"
                            + " %.0f s); mail_entry with its indexes %s", large,
                    single(c, "select count(*) from mail_message"),
                    single(c, "select count(*) from mail_entry where owner_id = " + vars.get("reader")),
                    (g4 - g0) / 1e9, (g1 - g0) / 1e9, (g2 - g1) / 1e9, (g3 - g2) / 1e9, (g4 - g3) / 1e9,
                    text(c, "select pg_size_pretty(pg_total_relation_size('mail_entry'))")));
            MailBenchClient.call(base, "inbox", "login=" + reader + "&warm=200&rounds=1");
            measured.put("large", measure(reader, repeats, lines, "large"));
            StringBuilder plans = new StringBuilder();
            for (String sql : statements(sections.get("explain"), vars)) {
                plans.append(sql).append("\n");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        plans.append("  ").append(rs.getString(1)).append('\n');
                    }
                }
                plans.append('\n');
            }
            Path explain = Path.of(System.getProperty("bench.out", "target"), "bench-mail-explain.txt");
            Files.writeString(explain, plans);
            assertEquals(messages / 1000,
                    single(c, "select count(*) from mail_entry where owner_id = " + vars.get("reader")));
        }
        for (String op : OPERATIONS) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                ratios.add(measured.get("large").get(r).get(op) / measured.get("small").get(r).get(op));
            }
            lines.add(String.format("%s: median ms at 10k %s | at 10M %s | ratio 10M/10k %s", op,
                    MailBenchClient.spread(column(measured.get("small"), op)),
                    MailBenchClient.spread(column(measured.get("large"), op)), MailBenchClient.spread(ratios)));
        }
        MailBenchClient.report("bench-mail-inbox.txt", lines);
    }

    /**
     * {@code repeats} measurements of 200 openings each (after 50 of warm-up): the median per operation of each. The
     * caller warms up first (1,000 openings before the small state, 200 before the large).
     */
    private List<Map<String, Double>> measure(String reader, int repeats, List<String> lines, String label)
            throws Exception {
        List<Map<String, Double>> all = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            Map<String, String> m = MailBenchClient.call(base, "inbox", "login=" + reader + "&warm=50&rounds=200");
            Map<String, Double> medians = new LinkedHashMap<>();
            for (String op : OPERATIONS) {
                medians.put(op, Double.parseDouble(m.get(op).split("/")[0]));
            }
            all.add(medians);
            lines.add(label + " run " + (r + 1) + ": listed " + m.get("listed") + "; median/p90 ms " + m);
        }
        return all;
    }

    private static List<Double> column(List<Map<String, Double>> runs, String op) {
        return runs.stream().map(m -> m.get(op)).toList();
    }

    private static Map<String, String> sections(Path file) throws Exception {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-- @section ")) {
                if (name != null) {
                    sections.put(name, body.toString());
                }
                name = line.substring("-- @section ".length()).strip();
                body.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        sections.put(name, body.toString());
        return sections;
    }

    private static List<String> statements(String section, Map<String, String> vars) {
        String sql = section;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        List<String> out = new ArrayList<>();
        for (String s : sql.split(";\\s*\n")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static void run(Connection c, Map<String, String> sections, String name, Map<String, String> vars)
            throws Exception {
        for (String sql : statements(sections.get(name), vars)) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
