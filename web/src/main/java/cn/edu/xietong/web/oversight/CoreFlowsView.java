package cn.edu.xietong.web.oversight;

import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs oversight/core-flows.xhtml: the supervisor keeps who may take part in each core flow (O1.4). */
@Named
@ViewScoped
public class CoreFlowsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowDesigns designs;

    @Inject
    private Messages messages;

    private String code;
    private String login;
    private transient List<CoreParticipant> participants;

    public List<FlowDesign> getCoreDesigns() {
        return designs.coreDesigns();
    }

    public List<CoreParticipant> getParticipants() {
        if (participants == null) {
            participants = code == null || code.isBlank() ? List.of() : designs.participants(code);
        }
        return participants;
    }

    public void show() {
        participants = null;
    }

    public void add() {
        if (messages.attempt(() -> designs.addParticipant(code, login), "core.added")) {
            login = null;
        }
        participants = null;
    }

    public void remove(CoreParticipant participant) {
        messages.attempt(() -> designs.removeParticipant(participant.getId()), "core.removed");
        participants = null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }
}
