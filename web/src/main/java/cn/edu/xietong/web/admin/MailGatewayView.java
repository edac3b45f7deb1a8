package cn.edu.xietong.web.admin;

import cn.edu.xietong.mail.GatewaySettings;
import cn.edu.xietong.mail.MailDispatch;
import cn.edu.xietong.mail.MailGateway;
import cn.edu.xietong.operations.Health;
import cn.edu.xietong.operations.HealthChecks;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Backs admin/mail.xhtml: the gateway's settings, a test mail, the recent dispatches. */
@Named
@RequestScoped
public class MailGatewayView {

    @EJB
    private MailGateway gateway;

    @EJB
    private HealthChecks health;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private String recipient;
    private GatewaySettings settings;
    private List<MailDispatch> dispatches;
    private Health.Check reachability;

    public void sendTestMail() {
        try {
            MailDispatch dispatch = gateway.sendTestMail(recipient, language.getLocale());
            if (dispatch.isSent()) {
                messages.info("mail.test.sent", dispatch.getRecipient());
            } else {
                messages.error("mail.test.failed", dispatch.getRecipient(), dispatch.getDetail());
            }
            dispatches = null;
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public GatewaySettings getSettings() {
        if (settings == null) {
            settings = gateway.settings();
        }
        return settings;
    }

    /** Whether the SMTP server answers right now. */
    public Health.Check getReachability() {
        if (reachability == null) {
            reachability = health.mail();
        }
        return reachability;
    }

    public List<MailDispatch> getDispatches() {
        if (dispatches == null) {
            dispatches = gateway.recentDispatches(20);
        }
        return dispatches;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }
}
