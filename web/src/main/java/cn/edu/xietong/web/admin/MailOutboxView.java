package cn.edu.xietong.web.admin;

import cn.edu.xietong.mail.OutboxAdministration;
import cn.edu.xietong.mail.OutboxState;
import cn.edu.xietong.mail.QueuedMail;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Backs the outbox of admin/mail.xhtml (C2): counts by state, the queue (filtered by state), and retry now or cancel
 * per mail. The service checks each mail by its id; a forged id is refused with 403.
 */
@Named
@ViewScoped
public class MailOutboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OutboxAdministration outbox;

    @Inject
    private Messages messages;

    private String state = "";
    private transient Map<OutboxState, Long> counts;
    private transient List<QueuedMail> rows;

    public void retry(long id) {
        messages.attempt(() -> outbox.retry(id), "outbox.retried");
        refresh();
    }

    public void cancel(long id) {
        messages.attempt(() -> outbox.cancel(id), "outbox.cancelled");
        refresh();
    }

    public void refresh() {
        counts = null;
        rows = null;
    }

    public Map<OutboxState, Long> getCounts() {
        if (counts == null) {
            counts = outbox.counts();
        }
        return counts;
    }

    public OutboxState[] getStates() {
        return OutboxState.values();
    }

    public List<QueuedMail> getRows() {
        if (rows == null) {
            rows = outbox.queue(state == null || state.isEmpty() ? null : OutboxState.valueOf(state), 100);
        }
        return rows;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
