package cn.edu.xietong.flow;

import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;

/**
 * An instance as a list shows it (A2, O1.5): what everyone who may list it may see of it, and nothing of its form,
 * files or trail (S3), which only its per-viewer sight gives.
 */
public record ListedInstance(long id, String title, Category category, Bilingual design, String initiator,
                             Bilingual unit, InstanceStatus status, Instant createdAt) implements Serializable {

    static ListedInstance of(FlowInstance instance) {
        return new ListedInstance(instance.getId(), instance.getTitle(), instance.getDesign().getCategory(),
                new Bilingual(instance.getDesign().getNameZh(), instance.getDesign().getNameEn()),
                instance.getInitiator().getFullName(),
                new Bilingual(instance.getUnit().getNameZh(), instance.getUnit().getNameEn()),
                instance.getStatus(), instance.getCreatedAt());
    }
}
