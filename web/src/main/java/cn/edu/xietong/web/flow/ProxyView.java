package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.DelegableFlow;
import cn.edu.xietong.flow.Delegations;
import cn.edu.xietong.flow.instance.Delegation;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Backs flow/proxy.xhtml: the caller's out-of-office proxies (委托). */
@Named
@ViewScoped
public class ProxyView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Delegations delegations;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private String deputy;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private List<String> flows = new ArrayList<>();
    private transient List<Delegation> mine;
    private transient List<DelegableFlow> delegable;

    public List<Delegation> getMine() {
        if (mine == null) {
            mine = delegations.mine();
        }
        return mine;
    }

    /** The flows a proxy may be limited to, chosen by name (none chosen: every flow). */
    public List<DelegableFlow> getDelegable() {
        if (delegable == null) {
            delegable = delegations.delegable();
        }
        return delegable;
    }

    /** The names of the flows a proxy is limited to, in the page's language. */
    public String flowNames(Delegation delegation) {
        Locale locale = language.getLocale();
        return delegation.codes().stream().map(code -> getDelegable().stream().filter(f -> f.code().equals(code))
                .findFirst().map(f -> f.name().in(locale)).orElse(code)).collect(Collectors.joining("、"));
    }

    public void delegate() {
        List<String> designCodes = flows == null ? List.of() : List.copyOf(flows);
        if (messages.attempt(() -> delegations.delegate(deputy, firstDay, lastDay, designCodes), "flow.proxySet")) {
            deputy = null;
            flows = new ArrayList<>();
        }
        mine = null;
    }

    public void cancel(Delegation delegation) {
        messages.attempt(() -> delegations.cancel(delegation.getId()), "flow.proxyEnded");
        mine = null;
    }

    public String getDeputy() {
        return deputy;
    }

    public void setDeputy(String deputy) {
        this.deputy = deputy;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public List<String> getFlows() {
        return flows;
    }

    public void setFlows(List<String> flows) {
        this.flows = flows;
    }
}
