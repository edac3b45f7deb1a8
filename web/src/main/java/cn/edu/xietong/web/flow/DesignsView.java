package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.form.FormTemplate;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs flow/designs.xhtml: the forms and designs of the units where the caller is IT staff. */
@Named
@RequestScoped
public class DesignsView {

    @EJB
    private FlowDesigns designs;

    private List<FormTemplate> forms;
    private List<FlowDesign> mine;

    public List<FormTemplate> getForms() {
        if (forms == null) {
            forms = designs.myForms();
        }
        return forms;
    }

    public List<FlowDesign> getDesigns() {
        if (mine == null) {
            mine = designs.myDesigns();
        }
        return mine;
    }
}
