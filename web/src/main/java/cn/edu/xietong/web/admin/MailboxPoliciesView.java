package cn.edu.xietong.web.admin;

import cn.edu.xietong.mailbox.MailboxPolicies;
import cn.edu.xietong.mailbox.MailboxPolicy;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs admin/mailbox.xhtml (A4, O2.1): the system administrator's mailbox policy (default quota, the warning's
 * percentage, how long the trash keeps mail) and per-person quota exceptions. The service audits every change.
 */
@Named
@ViewScoped
public class MailboxPoliciesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MailboxPolicies policies;

    @Inject
    private Messages messages;

    private java.time.Instant changedAt;
    private String changedBy;
    private int quotaMb;
    private int warnPercent;
    private int trashDays;
    private String person;
    private Integer personQuotaMb;

    private transient List<MailboxPolicies.QuotaException> exceptions;

    @PostConstruct
    void init() {
        MailboxPolicy policy = policies.policy();
        changedAt = policy.getChangedAt();
        changedBy = policy.getChangedBy();
        quotaMb = policy.getDefaultQuotaMb();
        warnPercent = policy.getWarnPercent();
        trashDays = policy.getTrashDays();
    }

    public void change() {
        if (messages.attempt(() -> policies.change(quotaMb, warnPercent, trashDays), "mailbox.policy.saved")) {
            init();
        }
    }

    public void setQuota() {
        if (person == null || personQuotaMb == null) {
            messages.error("mailbox.policy.choosePerson");
            return;
        }
        if (messages.attempt(() -> policies.setQuota(person, personQuotaMb), "mailbox.policy.quotaSet")) {
            person = null;
            personQuotaMb = null;
            exceptions = null;
        }
    }

    public void clear(String login) {
        messages.attempt(() -> policies.clearQuota(login), "mailbox.policy.quotaCleared");
        exceptions = null;
    }

    public List<MailboxPolicies.QuotaException> getExceptions() {
        if (exceptions == null) {
            exceptions = policies.exceptions();
        }
        return exceptions;
    }

    public java.time.Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public int getQuotaMb() {
        return quotaMb;
    }

    public void setQuotaMb(int quotaMb) {
        this.quotaMb = quotaMb;
    }

    public int getWarnPercent() {
        return warnPercent;
    }

    public void setWarnPercent(int warnPercent) {
        this.warnPercent = warnPercent;
    }

    public int getTrashDays() {
        return trashDays;
    }

    public void setTrashDays(int trashDays) {
        this.trashDays = trashDays;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public Integer getPersonQuotaMb() {
        return personQuotaMb;
    }

    public void setPersonQuotaMb(Integer personQuotaMb) {
        this.personQuotaMb = personQuotaMb;
    }
}
