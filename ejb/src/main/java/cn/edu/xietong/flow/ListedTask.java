package cn.edu.xietong.flow;

import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;

/**
 * A to-do or a copy as the lists show it to its holder (A2): the instance's listed face, the step it waits at, when it
 * arrived and is due, whether it is overdue now, and for whom it is handled (a deputy's to-do, O1.2).
 */
public record ListedTask(long id, ListedInstance instance, Bilingual node, Instant arrivedAt, Instant dueAt,
                         boolean overdue, String onBehalfOf) implements Serializable {

    static ListedTask of(FlowTask task, Instant now) {
        Bilingual node = task.getInstance().getDesign().definition().node(task.getNodeId())
                .map(n -> new Bilingual(n.nameZh(), n.nameEn())).orElse(new Bilingual(task.getNodeId(), null));
        return new ListedTask(task.getId(), ListedInstance.of(task.getInstance()), node, task.getArrivedAt(),
                task.getDueAt(), task.isOverdue(now), task.getOnBehalfOf() == null ? null
                : task.getOnBehalfOf().getFullName());
    }
}
