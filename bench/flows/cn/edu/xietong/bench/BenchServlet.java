package cn.edu.xietong.bench;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.it.support.AsPerson;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /bench/flows?instances=n&threads=t&warmUp=w} (benchmark deployments only): runs n instances of a
 * three-approval flow through FlowCommands, the EJB service the pages use, each as its own people (start, then three
 * approvals with an opinion), on t threads after w warm-up instances, and answers with the elapsed time, how many
 * ended approved, and the rate of every window of {@value RateWindows#WINDOW} instances, warm-up first, so that one
 * can see whether the server had reached its steady state.
 */
@WebServlet("/bench/flows")
public class BenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowCommands commands;

    @EJB
    private BenchData data;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int instances = Integer.parseInt(request.getParameter("instances"));
        int threads = Integer.parseInt(request.getParameter("threads"));
        int warmUp = Integer.parseInt(request.getParameter("warmUp"));
        BenchData.Setup setup = data.setup();
        RateWindows warm = new RateWindows();
        run(setup, warmUp, threads, warm);
        RateWindows measured = new RateWindows();
        long start = System.nanoTime();
        int approved = run(setup, instances, threads, measured);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        response.setContentType("text/plain");
        response.getWriter().write("approved=" + approved + " ms=" + elapsed + " warm=" + warm + " measured="
                + measured);
    }

    private int run(BenchData.Setup setup, int count, int threads, RateWindows windows) {
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger approved = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        if (one(setup) == InstanceStatus.APPROVED) {
                            windows.completed(approved.incrementAndGet());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return approved.get();
    }

    private InstanceStatus one(BenchData.Setup setup) throws Exception {
        FlowInstance instance = AsPerson.call(setup.initiator(), () -> commands.start(setup.designId(), "基准审批",
                FormValues.of(Map.of("subject", "采购办公用品")), Map.of()));
        for (Person approver : setup.approvers()) {
            long task = instance.liveTasks().get(0).getId();
            instance = AsPerson.call(approver, () -> commands.approve(task, "同意", null));
        }
        return instance.getStatus();
    }
}
