package cn.edu.xietong.flow;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One instance of a core flow on the supervision board (O1.5): its listed face, who holds its open to-dos, whether any
 * is overdue, and how long it has waited at its current node in working time.
 */
public record BoardRow(ListedInstance instance, List<String> handlers, boolean overdue, Duration waiting)
        implements Serializable {

    public boolean stuck() {
        return overdue || waiting.toHours() >= 8;
    }

    public long waitingHours() {
        return waiting.toHours();
    }
}
