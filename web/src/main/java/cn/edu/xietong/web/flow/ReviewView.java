package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs flow/review.xhtml: the supervisor publishes designs submitted for review, or returns them with a reason (O3.3). */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowDesigns designs;

    @Inject
    private Messages messages;

    private String reason;
    private transient List<FlowDesign> queue;

    public List<FlowDesign> getQueue() {
        if (queue == null) {
            queue = designs.reviewQueue();
        }
        return queue;
    }

    public List<String> problems(FlowDesign design) {
        return designs.problems(design.getId()).stream()
                .map(p -> messages.text(p.messageKey(), p.arguments().toArray())).toList();
    }

    public void publish(FlowDesign design) {
        messages.attempt(() -> designs.publish(design.getId()), "flow.review.published");
        queue = null;
    }

    public void returnForRework(FlowDesign design) {
        if (messages.attempt(() -> designs.returnForRework(design.getId(), reason), "flow.review.returned")) {
            reason = null;
        }
        queue = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
