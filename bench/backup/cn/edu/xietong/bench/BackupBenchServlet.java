package cn.edu.xietong.bench;

import cn.edu.xietong.backup.BackupSet;
import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.CategoryLine;
import cn.edu.xietong.notices.NoticeInput;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import cn.edu.xietong.notices.PublishingRights;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.shared.BackupStore;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /bench/backup/...} (benchmark deployments only; issue #15, E3/O2.2). Each operation answers
 * {@code key=value} pairs separated by spaces:
 * <ul>
 * <li>{@code university?units=&people=}: units and staff through the entities ({@link BackupBenchData});</li>
 * <li>{@code flows?count=}: one instance of a three-approval flow through {@link FlowCommands} (start, three
 * approvals with opinions: the real rows), then {@code count} copies of the rows it added to the flow tables and
 * {@code notification} by batched JDBC, with new ids, a new uid, the initiator rotated over the staff and the times
 * spread over the last year;</li>
 * <li>{@code documents?bytes=&min=&max=}: uploads through {@link Documents#upload} (the whole path: check, scan,
 * hash, fsync, rows) into the units' libraries, sizes log-uniform in [min, max], random bytes after a PDF header;</li>
 * <li>{@code mail?messages=&recipients=}: internal mail by batched JDBC (a message and its entries);</li>
 * <li>{@code notices?count=}: important announcements through {@link Publishing} and their approval (each copied to the
 * backup store at publication, E1);</li>
 * <li>{@code sizes}, {@code heap?reset=}, {@code backup} (the weekly-backup job as a batch operator until it ends),
 * {@code copy?target=} (the reference: a plain copy of the database file, the content store and the publish-time
 * copies, each file synced), {@code verify?dir=} (a restored installation against the live database and its files'
 * hashes), {@code delete?dir=}.</li>
 * </ul>
 */
@WebServlet("/bench/backup/*")
public class BackupBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long ID_BASE = 3_000_000_000L;
    private static final int ID_STRIDE = 64;

    private static volatile BackupBenchData.University university;

    @EJB
    private BackupBenchData data;

    @EJB
    private FlowCommands commands;

    @EJB
    private Documents documents;

    @EJB
    private Libraries libraries;

    @EJB
    private Publishing publishing;

    @EJB
    private PublishingRights rights;

    @EJB
    private Worklists worklists;

    @EJB
    private BatchJobs jobs;

    @EJB
    private BackupSets backups;

    @EJB
    private AsBatchOperator operator;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getPathInfo()) {
                case "/university" -> university(integer(request, "units"), integer(request, "people"));
                case "/flows" -> flows(integer(request, "count"));
                case "/documents" -> documents(Long.parseLong(request.getParameter("bytes")),
                        Long.parseLong(request.getParameter("min")), Long.parseLong(request.getParameter("max")));
                case "/mail" -> mail(integer(request, "messages"), integer(request, "recipients"));
                case "/notices" -> notices(integer(request, "count"));
                case "/sizes" -> sizes();
                case "/heap" -> heap(Boolean.parseBoolean(request.getParameter("reset")));
                case "/backup" -> backup();
                case "/copy" -> copy(Path.of(request.getParameter("target")));
                case "/verify" -> verify(Path.of(request.getParameter("dir")));
                case "/delete" -> {
                    delete(Path.of(request.getParameter("dir")));
                    yield "deleted=" + request.getParameter("dir");
                }
                default -> throw new IllegalArgumentException(request.getPathInfo());
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer);
    }

    private static int integer(HttpServletRequest request, String name) {
        return Integer.parseInt(request.getParameter(name));
    }

    private String university(int units, int people) {
        long t0 = System.nanoTime();
        university = data.university(units, people);
        return "tag=" + university.tag() + " units=" + units + " people=" + people + " seconds=" + seconds(t0);
    }

    // ---- a year of flows ----------------------------------------------------------------------------------------

    private String flows(int count) throws Exception {
        BackupBenchData.University u = university;
        int units = u.unitIds().size();
        int initiatorIndex = 4 * units;
        Person initiator = data.person(u.logins().get(initiatorIndex));
        Map<String, Long> before = maxIds();
        long t0 = System.nanoTime();
        FlowInstance instance = AsPerson.call(initiator, () -> commands.start(u.designId(), "关于采购办公用品的申请",
                FormValues.of(Map.of("subject", "采购办公用品", "detail", "打印纸二十箱、硒鼓四个，用于本学期教学材料印制。")),
                Map.of()));
        String[] opinions = {"同意，请按学校采购规定办理。", "经费已核，同意。", "同意。"};
        for (int i = 0; i < u.approvers().size(); i++) {
            Person approver = data.person(u.approvers().get(i));
            long task = instance.liveTasks().get(0).getId();
            String opinion = opinions[i];
            instance = AsPerson.call(approver, () -> commands.approve(task, opinion, null));
        }
        String uid = instance.getUid();
        double templateS = seconds(t0);
        Map<String, Long> after = maxIds();
        StringBuilder added = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            String schema = c.getSchema();
            Map<String, List<Map<String, Object>>> template = new LinkedHashMap<>();
            for (Map.Entry<String, Long> table : after.entrySet()) {
                if (table.getValue() == null || table.getValue().equals(before.get(table.getKey()))) {
                    continue;
                }
                List<Map<String, Object>> rows = rows(c, "select * from " + quote(table.getKey()) + " where id > "
                        + (before.get(table.getKey()) == null ? Long.MIN_VALUE : before.get(table.getKey()))
                        + " order by id");
                if (rows.isEmpty()) {
                    continue;
                }
                added.append(added.isEmpty() ? "" : ",").append(table.getKey().toLowerCase(Locale.ROOT)).append(':')
                        .append(rows.size());
                String lower = table.getKey().toLowerCase(Locale.ROOT);
                if (lower.startsWith("flow_") || lower.equals("notification")) {
                    template.put(table.getKey(), rows);
                }
            }
            long t1 = System.nanoTime();
            int rows = replicate(c, schema, template, count, uid, initiator, u);
            return "template=" + uid + " templateSeconds=" + String.format("%.2f", templateS) + " addedByOne="
                    + added + " replicated=" + String.join(",", template.keySet()).toLowerCase(Locale.ROOT)
                    + " instances=" + count + " rows=" + rows + " seconds=" + seconds(t1);
        }
    }

    /** The largest id of every table with an {@code id} column. */
    private Map<String, Long> maxIds() throws Exception {
        Map<String, Long> ids = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                boolean hasId;
                try (ResultSet col = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                    hasId = false;
                    while (col.next()) {
                        hasId |= col.getString("COLUMN_NAME").equalsIgnoreCase("id")
                                && col.getInt("DATA_TYPE") == java.sql.Types.BIGINT;
                    }
                }
                if (hasId) {
                    try (ResultSet r = s.executeQuery("select max(id) from " + quote(table))) {
                        r.next();
                        long max = r.getLong(1);
                        ids.put(table, r.wasNull() ? null : max);
                    }
                }
            }
        }
        return ids;
    }

    private static List<Map<String, Object>> rows(Connection c, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Inserts {@code count} copies of the template's rows: new ids (and references among the copied rows), a new uid,
     * instance k started by the k-th person (round robin) at its place in the last year, all its times moved with it.
     */
    private int replicate(Connection c, String schema, Map<String, List<Map<String, Object>>> template, int count,
                          String uid, Person initiator, BackupBenchData.University u) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Map<String, String>> foreign = new HashMap<>(); // table -> column -> referenced table
        for (String table : template.keySet()) {
            Map<String, String> fks = new HashMap<>();
            try (ResultSet k = meta.getImportedKeys(c.getCatalog(), schema, table)) {
                while (k.next()) {
                    fks.put(k.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                            k.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            foreign.put(table, fks);
        }
        // parents first
        List<String> order = new ArrayList<>();
        while (order.size() < template.size()) {
            for (String table : template.keySet()) {
                if (!order.contains(table) && foreign.get(table).values().stream().noneMatch(ref ->
                        !ref.equalsIgnoreCase(table) && template.keySet().stream().anyMatch(t -> t.equalsIgnoreCase(ref)
                                && !order.contains(t)))) {
                    order.add(table);
                }
            }
        }
        Map<String, Map<Long, Integer>> index = new HashMap<>();
        for (String table : template.keySet()) {
            Map<Long, Integer> byId = new HashMap<>();
            List<Map<String, Object>> rows = template.get(table);
            if (rows.size() >= ID_STRIDE) {
                throw new IllegalStateException(table + ": " + rows.size() + " rows for one instance");
            }
            for (int i = 0; i < rows.size(); i++) {
                byId.put(((Number) value(rows.get(i), "id")).longValue(), i);
            }
            index.put(table.toLowerCase(Locale.ROOT), byId);
        }
        Instant templateStart = timestamp(value(template.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("flow_instance")).findFirst().orElseThrow().getValue().get(0),
                "created_at"));
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        long step = Duration.ofDays(365).toMillis() / count;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        int rows = 0;
        try {
            for (String table : order) {
                List<String> columns = new ArrayList<>(template.get(table).get(0).keySet());
                inserts.put(table, c.prepareStatement("insert into " + quote(table) + " (" + columns.stream()
                        .map(BackupBenchServlet::quote).collect(Collectors.joining(", ")) + ") values ("
                        + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")"));
            }
            int people = u.personIds().size();
            for (int k = 0; k < count; k++) {
                int who = (k * 7919) % people;
                long personId = u.personIds().get(who);
                long unitId = u.unitOfPerson().get(who);
                String login = u.logins().get(who);
                String newUid = UUID.randomUUID().toString();
                Duration shift = Duration.between(templateStart, yearAgo.plusMillis(k * step));
                for (String table : order) {
                    PreparedStatement insert = inserts.get(table);
                    Map<String, String> fks = foreign.get(table);
                    for (Map<String, Object> row : template.get(table)) {
                        int p = 1;
                        for (Map.Entry<String, Object> column : row.entrySet()) {
                            String name = column.getKey().toLowerCase(Locale.ROOT);
                            Object v = column.getValue();
                            String ref = fks.get(name);
                            if (name.equals("id")) {
                                v = newId(k, index.get(table.toLowerCase(Locale.ROOT)).get(((Number) v).longValue()));
                            } else if (v instanceof Number n && ref != null && index.containsKey(ref)
                                    && index.get(ref).containsKey(n.longValue())) {
                                v = newId(k, index.get(ref).get(n.longValue()));
                            } else if (v instanceof Number n && "person".equals(ref)
                                    && n.longValue() == initiator.getId()) {
                                v = personId;
                            } else if (v instanceof Number n && "org_unit".equals(ref) && name.equals("unit_id")
                                    && table.equalsIgnoreCase("flow_instance")) {
                                v = unitId;
                            } else if (v instanceof String s) {
                                v = s.equals(uid) ? newUid : s.equals(initiator.getLogin()) ? login
                                        : s.equals(initiator.getFullName()) ? "备份" + who : s;
                            } else if (v instanceof Timestamp t) {
                                v = Timestamp.from(t.toInstant().plus(shift));
                            } else if (v instanceof LocalDateTime t) {
                                v = t.plus(shift);
                            }
                            insert.setObject(p++, v);
                        }
                        insert.addBatch();
                        rows++;
                    }
                }
                if (k % 500 == 499 || k == count - 1) {
                    for (PreparedStatement insert : inserts.values()) {
                        insert.executeBatch();
                    }
                    c.commit();
                }
            }
        } finally {
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
            c.setAutoCommit(autoCommit);
        }
        return rows;
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow()
                .getValue();
    }

    private static Instant timestamp(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : ((LocalDateTime) value).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private static long newId(int k, int index) {
        return ID_BASE + (long) k * ID_STRIDE + index;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    // ---- documents, mail, notices -------------------------------------------------------------------------------

    private String documents(long total, long min, long max) throws Exception {
        BackupBenchData.University u = university;
        SplittableRandom random = new SplittableRandom(total);
        long t0 = System.nanoTime();
        long stored = 0;
        int count = 0;
        long largest = 0;
        long smallest = Long.MAX_VALUE;
        while (stored < total) {
            long size = Math.min(total - stored, Math.round(Math.exp(Math.log(min)
                    + random.nextDouble() * (Math.log(max) - Math.log(min)))));
            size = Math.max(size, Math.min(min, total - stored));
            int unit = count % u.itLogins().size();
            Person it = data.person(u.itLogins().get(unit));
            long bytes = size;
            long seed = random.nextLong();
            String name = "资料" + count + "-" + u.tag() + ".pdf";
            AsPerson.call(it, () -> documents.upload(libraries.myUnitLibrary(), null, name,
                    new RandomPdf(bytes, seed), Level.INTERNAL, null));
            stored += size;
            largest = Math.max(largest, size);
            smallest = Math.min(smallest, size);
            count++;
        }
        return "documents=" + count + " bytes=" + stored + " smallest=" + smallest + " largest=" + largest
                + " seconds=" + seconds(t0);
    }

    /** A PDF header, then random bytes (as a compressed file's would be, so that nothing compresses them). */
    private static final class RandomPdf extends InputStream {
        private static final byte[] HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final SplittableRandom random;
        private final byte[] block = new byte[64 * 1024];
        private long left;
        private int position = block.length;
        private boolean first = true;

        RandomPdf(long size, long seed) {
            this.left = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            if (position == block.length) {
                random.nextBytes(block);
                if (first) {
                    System.arraycopy(HEADER, 0, block, 0, HEADER.length);
                    first = false;
                }
                position = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - position), left);
            System.arraycopy(block, position, b, off, n);
            position += n;
            left -= n;
            return n;
        }
    }

    private String mail(int messages, int recipients) throws Exception {
        BackupBenchData.University u = university;
        long t0 = System.nanoTime();
        String body = "各位老师：请于本周五前提交本学期教学工作总结，并按学院要求填写附表。".repeat(12);
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        long step = Duration.ofDays(365).toMillis() / messages;
        int people = u.personIds().size();
        int entries = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement message = c.prepareStatement("insert into mail_message (id, sender_id, subject,"
                     + " body_html, body_text, size_bytes, created_at, updated_at, sent_at, version)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement entry = c.prepareStatement("insert into mail_entry (id, message_id, owner_id, role,"
                     + " folder, folder_id, seen, flagged, filed_at, size_bytes, version)"
                     + " values (?, ?, ?, ?, ?, null, ?, false, ?, ?, 0)")) {
            c.setAutoCommit(false);
            for (int m = 0; m < messages; m++) {
                long id = ID_BASE + m;
                Timestamp at = Timestamp.from(yearAgo.plusMillis(m * step));
                long size = body.length() * 3L + 200;
                message.setLong(1, id);
                message.setLong(2, u.personIds().get(m % people));
                message.setString(3, "关于第" + m + "号事项的通知");
                message.setString(4, "<p>" + body + "</p>");
                message.setString(5, body);
                message.setLong(6, size);
                message.setTimestamp(7, at);
                message.setTimestamp(8, at);
                message.setTimestamp(9, at);
                message.addBatch();
                for (int r = 0; r <= recipients; r++) {
                    entry.setLong(1, ID_BASE + (long) m * 16 + r);
                    entry.setLong(2, id);
                    entry.setLong(3, u.personIds().get(r == 0 ? m % people : (m + r * 331) % people));
                    entry.setString(4, r == 0 ? "SENDER" : "TO");
                    entry.setString(5, r == 0 ? "SENT" : "INBOX");
                    entry.setBoolean(6, r == 0 || (m + r) % 4 != 0);
                    entry.setTimestamp(7, at);
                    entry.setLong(8, size);
                    entry.addBatch();
                    entries++;
                }
                if (m % 1000 == 999 || m == messages - 1) {
                    message.executeBatch();
                    entry.executeBatch();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
        }
        return "messages=" + messages + " entries=" + entries + " seconds=" + seconds(t0);
    }

    /** Important announcements of the demo university's CS school, published after their two approvals (E1). */
    private String notices(int count) throws Exception {
        long t0 = System.nanoTime();
        Person writer = data.person("yangfan");
        Person admin = data.person("caoyu");
        PublishingChoice choice = AsPerson.call(writer, () -> publishing.myChoices()).stream()
                .filter(c -> c.kind() == NoticeKind.NOTICE).findFirst().orElseThrow();
        CategoryLine important = AsPerson.call(admin, () -> rights.categories()).stream()
                .filter(CategoryLine::important).findFirst().orElseThrow();
        AsPerson.run(admin, () -> rights.grant("yangfan", choice.unitId(), important.id()));
        PublishingChoice announce = AsPerson.call(writer, () -> publishing.myChoices()).stream()
                .filter(c -> c.categoryId() == important.id()).findFirst().orElseThrow();
        String html = "<p>" + "学校规章制度修订公告：各单位请认真学习并遵照执行。".repeat(200) + "</p>";
        for (int i = 0; i < count; i++) {
            String title = "重要公告 " + university.tag() + "-" + i;
            long id = AsPerson.call(writer, () -> publishing.create(announce.categoryId(), announce.unitId(),
                    new NoticeInput(title, html, List.of(Audience.unit(announce.unitId())), null, null, false,
                            false, null)));
            AsPerson.run(writer, () -> publishing.submit(id));
            for (String login : List.of("hanmei", "sunli")) {
                Person approver = data.person(login);
                ListedTask task = AsPerson.call(approver, () -> worklists.todos()).stream()
                        .filter(t -> t.instance().title().equals(title)).findFirst().orElseThrow();
                AsPerson.call(approver, () -> commands.approve(task.id(), "同意发布", null));
            }
        }
        AsPerson.run(admin, () -> rights.revoke("yangfan", choice.unitId(), important.id()));
        return "notices=" + count + " seconds=" + seconds(t0);
    }

    // ---- measuring -----------------------------------------------------------------------------------------------

    /** The database file(s) of the embedded H2 ({@code <data>/xietong/oa.*.db}); none on PostgreSQL. */
    private static List<Path> databaseFiles() throws IOException {
        Path dir = Path.of(System.getProperty("jboss.server.data.dir"), "xietong");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("oa\\..*db")).sorted().toList();
        }
    }

    private static long[] tree(Path dir) throws IOException {
        long[] countAndBytes = new long[2];
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(f -> {
                    countAndBytes[0]++;
                    countAndBytes[1] += f.toFile().length();
                });
            }
        }
        return countAndBytes;
    }

    private String sizes() throws Exception {
        long db = 0;
        for (Path f : databaseFiles()) {
            db += Files.size(f);
        }
        long[] content = tree(ContentStore.directory());
        long[] copies = tree(BackupStore.directory());
        StringBuilder counts = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("org_unit", "person", "flow_instance", "flow_task", "flow_action",
                    "notification", "doc_document", "doc_version", "content_blob", "mail_message", "mail_entry",
                    "notice", "publication_copy", "audit_record")) {
                try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                    r.next();
                    counts.append(' ').append(table).append('=').append(r.getLong(1));
                }
            }
        }
        return "databaseFileBytes=" + db + " contentFiles=" + content[0] + " contentBytes=" + content[1]
                + " publishCopies=" + copies[0] + " publishCopyBytes=" + copies[1] + counts;
    }

    private static String heap(boolean reset) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (reset) {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }
        return "usedMB=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576
                + " maxMB=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576
                + " peakSinceResetMB=" + peak / 1048576;
    }

    /** The weekly-backup job, started as a batch operator, until it ends; its steps' times; the set's size. */
    private String backup() throws Exception {
        long t0 = System.nanoTime();
        long execution = operator.call(() -> jobs.start(BatchJob.BACKUP));
        JobOperator jobOperator = BatchRuntime.getJobOperator();
        JobExecution ended;
        while (true) {
            ended = jobOperator.getJobExecution(execution);
            BatchStatus status = ended.getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    || status == BatchStatus.ABANDONED) {
                break;
            }
            Thread.sleep(20);
        }
        double seconds = seconds(t0);
        if (ended.getBatchStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the backup ended " + ended.getBatchStatus() + " " + ended.getExitStatus());
        }
        StringBuilder steps = new StringBuilder();
        for (StepExecution step : jobOperator.getStepExecutions(execution)) {
            steps.append(steps.isEmpty() ? "" : ",").append(step.getStepName()).append(':')
                    .append(step.getEndTime().getTime() - step.getStartTime().getTime());
        }
        long instance = jobOperator.getJobInstance(execution).getInstanceId();
        BackupSet set = operator.call(() -> backups.byInstance(instance)).orElseThrow();
        Path root = set.folder().root();
        long databaseBytes = Files.size(root.resolve(set.getDatabaseFile()));
        long[] all = tree(root);
        return "seconds=" + String.format("%.3f", seconds) + " stepsMs=" + steps + " set=" + root + " files="
                + set.getFileCount() + " fileBytes=" + set.getTotalBytes() + " databaseFile=" + set.getDatabaseFile()
                + " databaseBytes=" + databaseBytes + " setFiles=" + all[0] + " setBytes=" + all[1];
    }

    /** The reference: the database file(s), the content store and the publish-time copies copied, each file synced. */
    private String copy(Path target) throws Exception {
        delete(target);
        long t0 = System.nanoTime();
        long[] done = new long[2];
        Path db = Files.createDirectories(target.resolve("database"));
        for (Path f : databaseFiles()) {
            copyFile(f, db.resolve(f.getFileName()), done);
        }
        copyTree(ContentStore.directory(), target.resolve("content"), done);
        copyTree(BackupStore.directory(), target.resolve("publish-copies"), done);
        return "seconds=" + String.format("%.3f", seconds(t0)) + " files=" + done[0] + " bytes=" + done[1];
    }

    private static void copyTree(Path from, Path to, long[] done) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                Path relative = from.relativize(f);
                if (relative.startsWith("tmp")) {
                    continue;
                }
                Path t = to.resolve(relative.toString());
                Files.createDirectories(t.getParent());
                copyFile(f, t, done);
            }
        }
    }

    private static void copyFile(Path from, Path to, long[] done) throws IOException {
        Files.copy(from, to);
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        done[0]++;
        done[1] += Files.size(to);
    }

    /**
     * A restored installation ({@code <dir>/xietong/oa.mv.db}, {@code content/}, {@code backup/}) against the live
     * one: every table's row count (the tables written by the server since are named), every restored content file's
     * SHA-256 against its name, the publish-time copies counted.
     */
    private String verify(Path dir) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Long> restored = new TreeMap<>();
        Map<String, Long> live = new TreeMap<>();
        Class.forName("org.h2.Driver");
        try (Connection r = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("xietong").resolve("oa")
                + ";ACCESS_MODE_DATA=r", "sa", ""); Connection l = dataSource.getConnection()) {
            counts(r, restored);
            counts(l, live);
        }
        List<String> differ = new ArrayList<>();
        for (String table : live.keySet()) {
            if (!live.get(table).equals(restored.get(table))) {
                differ.add(table + ":" + restored.get(table) + "/" + live.get(table));
            }
        }
        double dbS = seconds(t0);
        long t1 = System.nanoTime();
        int bad = 0;
        long[] content = new long[2];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        try (Stream<Path> walk = Files.walk(dir.resolve("xietong").resolve("content"))) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                        content[1] += n;
                    }
                }
                content[0]++;
                if (!HexFormat.of().formatHex(sha.digest()).equals(f.getFileName().toString())) {
                    bad++;
                }
            }
        }
        long[] copies = tree(dir.resolve("xietong").resolve("backup"));
        return "seconds=" + String.format("%.3f", seconds(t0)) + " databaseSeconds=" + String.format("%.3f", dbS)
                + " filesSeconds=" + String.format("%.3f", seconds(t1)) + " tables=" + restored.size()
                + " rows=" + restored.values().stream().mapToLong(Long::longValue).sum()
                + " tablesDiffering=" + (differ.isEmpty() ? "none" : String.join(",", differ))
                + " contentFiles=" + content[0] + " contentBytes=" + content[1] + " contentBad=" + bad
                + " publishCopies=" + copies[0];
    }

    private static void counts(Connection c, Map<String, Long> counts) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet t = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_NAME"));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*) from " + quote(table))) {
                    r.next();
                    counts.put(table.toLowerCase(Locale.ROOT), r.getLong(1));
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
