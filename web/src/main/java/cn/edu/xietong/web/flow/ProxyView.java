package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.Delegations;
import cn.edu.xietong.flow.instance.Delegation;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Backs flow/proxy.xhtml: the caller's out-of-office proxies (委托). */
@Named
@ViewScoped
public class ProxyView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Delegations delegations;

    @Inject
    private Messages messages;

    private String deputy;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String codes;
    private transient List<Delegation> mine;

    public List<Delegation> getMine() {
        if (mine == null) {
            mine = delegations.mine();
        }
        return mine;
    }

    public void delegate() {
        List<String> designCodes = codes == null ? List.of() : Arrays.stream(codes.split("[,，\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        if (messages.attempt(() -> delegations.delegate(deputy, firstDay, lastDay, designCodes), "flow.proxySet")) {
            deputy = null;
            codes = null;
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

    public String getCodes() {
        return codes;
    }

    public void setCodes(String codes) {
        this.codes = codes;
    }
}
