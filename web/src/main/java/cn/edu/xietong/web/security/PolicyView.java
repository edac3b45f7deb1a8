package cn.edu.xietong.web.security;

import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.security.SecurityPolicies;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Backs security/policy.xhtml: the security administrator edits the password policy (S2). */
@Named
@ViewScoped
public class PolicyView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SecurityPolicies policies;

    @Inject
    private Messages messages;

    private int minLength;
    private int minClasses;
    private int historySize;
    private int expiryDays;
    private int privilegedExpiryDays;
    private int warnDays;
    private boolean rejectCommon;
    private boolean secondFactorRequired;
    private boolean singleSession;
    private int recertificationDays;
    private int sessionLifetimeHours;

    @PostConstruct
    void load() {
        show(policies.passwordPolicy());
    }

    public void save() {
        try {
            show(policies.updatePasswordPolicy(minLength, minClasses, historySize, expiryDays, privilegedExpiryDays,
                    warnDays, rejectCommon));
            messages.info("policy.saved");
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public void saveLoginRules() {
        try {
            policies.updateRecertificationDays(recertificationDays);
            policies.updateSessionLifetime(sessionLifetimeHours);
            show(policies.updateLoginRules(secondFactorRequired, singleSession));
            messages.info("policy.saved");
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    private void show(PasswordPolicy p) {
        secondFactorRequired = p.isSecondFactorRequired();
        singleSession = p.isSingleSession();
        recertificationDays = p.getRecertificationDays();
        sessionLifetimeHours = p.getSessionLifetimeHours();
        minLength = p.getMinLength();
        minClasses = p.getMinClasses();
        historySize = p.getHistorySize();
        expiryDays = p.getExpiryDays();
        privilegedExpiryDays = p.getPrivilegedExpiryDays();
        warnDays = p.getWarnDays();
        rejectCommon = p.isRejectCommon();
    }

    public boolean isRejectCommon() {
        return rejectCommon;
    }

    public void setRejectCommon(boolean rejectCommon) {
        this.rejectCommon = rejectCommon;
    }

    public int getMinLength() {
        return minLength;
    }

    public void setMinLength(int minLength) {
        this.minLength = minLength;
    }

    public int getMinClasses() {
        return minClasses;
    }

    public void setMinClasses(int minClasses) {
        this.minClasses = minClasses;
    }

    public int getHistorySize() {
        return historySize;
    }

    public void setHistorySize(int historySize) {
        this.historySize = historySize;
    }

    public int getExpiryDays() {
        return expiryDays;
    }

    public void setExpiryDays(int expiryDays) {
        this.expiryDays = expiryDays;
    }

    public int getPrivilegedExpiryDays() {
        return privilegedExpiryDays;
    }

    public void setPrivilegedExpiryDays(int privilegedExpiryDays) {
        this.privilegedExpiryDays = privilegedExpiryDays;
    }

    public int getWarnDays() {
        return warnDays;
    }

    public void setWarnDays(int warnDays) {
        this.warnDays = warnDays;
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    public void setSecondFactorRequired(boolean secondFactorRequired) {
        this.secondFactorRequired = secondFactorRequired;
    }

    public int getRecertificationDays() {
        return recertificationDays;
    }

    public void setRecertificationDays(int recertificationDays) {
        this.recertificationDays = recertificationDays;
    }

    public int getSessionLifetimeHours() {
        return sessionLifetimeHours;
    }

    public void setSessionLifetimeHours(int sessionLifetimeHours) {
        this.sessionLifetimeHours = sessionLifetimeHours;
    }

    public boolean isSingleSession() {
        return singleSession;
    }

    public void setSingleSession(boolean singleSession) {
        this.singleSession = singleSession;
    }
}
