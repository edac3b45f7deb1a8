import cn.edu.xietong.bench.RateWindows;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flowable 7 embedded doing what Xietong's half does: n instances of a three-approval process (start, then each of
 * three user tasks gets an opinion as a comment and is completed by its assignee), on t threads after a warm-up,
 * history kept (level audit), on an H2 file database with the same options as Xietong's. Like Xietong's half it
 * also prints the rate of every window of {@value RateWindows#WINDOW} instances, warm-up first.
 *
 * Usage: FlowableThroughput instances threads warmUp dbDirectory outFile
 */
public class FlowableThroughput {

    public static void main(String[] args) throws Exception {
        int instances = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        Path db = Path.of(args[3]);
        Files.createDirectories(db);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:file:" + db.toAbsolutePath().resolve("flowable")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        configuration.setJdbcDriver("org.h2.Driver");
        configuration.setJdbcUsername("sa");
        configuration.setJdbcPassword("");
        configuration.setJdbcMaxActiveConnections(30);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addClasspathResource("three-approvals.bpmn20.xml")
                    .deploy();
            RateWindows warm = new RateWindows();
            run(engine, warmUp, threads, warm);
            RateWindows measured = new RateWindows();
            long start = System.nanoTime();
            int done = run(engine, instances, threads, measured);
            long ms = (System.nanoTime() - start) / 1_000_000;
            HistoryService history = engine.getHistoryService();
            if (done != instances || history.createHistoricProcessInstanceQuery().finished().count() < instances) {
                throw new IllegalStateException("only " + done + " of " + instances + " instances finished");
            }
            double rate = instances * 1000.0 / ms;
            String line = String.format("flowable %d instances, %d threads: %.1f instances/s (%d ms)", instances,
                    threads, rate, ms);
            String windows = String.format("flowable instances/s per %d: warm-up %s | measured %s",
                    RateWindows.WINDOW, warm, measured);
            System.out.println(line);
            System.out.println(windows);
            Files.writeString(Path.of(args[4]), String.format("%.3f%n%s%n%s%n", rate, line, windows));
        } finally {
            engine.close();
        }
    }

    private static int run(ProcessEngine engine, int count, int threads, RateWindows windows) throws Exception {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        engine.getIdentityService().setAuthenticatedUserId("initiator");
                        ProcessInstance instance = runtime.startProcessInstanceByKey("threeApprovals", "基准审批",
                                Map.of("subject", "采购办公用品", "a1", "first", "a2", "second", "a3", "third"));
                        for (int step = 0; step < 3; step++) {
                            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                            engine.getIdentityService().setAuthenticatedUserId(task.getAssignee());
                            tasks.addComment(task.getId(), instance.getId(), "同意");
                            tasks.complete(task.getId());
                        }
                        windows.completed(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return done.get();
    }
}
