package cn.edu.xietong.flow;

import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;

import java.time.Duration;
import java.util.List;

/**
 * One instance of a core flow on the supervision board (O1.5): its open to-dos, whether any is overdue, and how long
 * it has waited at its current node in working time.
 */
public record BoardRow(FlowInstance instance, List<FlowTask> open, boolean overdue, Duration waiting) {

    public boolean stuck() {
        return overdue || waiting.toHours() >= 8;
    }

    public long waitingHours() {
        return waiting.toHours();
    }
}
