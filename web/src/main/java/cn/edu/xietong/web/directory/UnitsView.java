package cn.edu.xietong.web.directory;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.directory.UnitNode;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

import java.io.Serializable;
import java.util.List;

/**
 * Backs directory/units.xhtml: the units of the university as a tree, with their members' count; the system
 * administrator creates top-level units here (O3.1).
 */
@Named
@ViewScoped
public class UnitsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Directory directory;

    @EJB
    private Organisation organisation;

    @Inject
    private Messages messages;

    private TreeNode<UnitNode> root;
    private String code;
    private String nameZh;
    private String nameEn;
    private UnitKind kind = UnitKind.DEPARTMENT;

    @PostConstruct
    void load() {
        root = new DefaultTreeNode<>(null, null);
        add(root, directory.unitTree());
    }

    private static void add(TreeNode<UnitNode> parent, List<UnitNode> nodes) {
        for (UnitNode node : nodes) {
            TreeNode<UnitNode> child = new DefaultTreeNode<>(node, parent);
            child.setExpanded(true);
            add(child, node.children());
        }
    }

    /** The system administrator creates a top-level unit (O3.1). */
    public void create() {
        try {
            organisation.createUnit(code, nameZh, nameEn, kind, null);
            messages.info("unit.created");
            code = nameZh = nameEn = null;
            load();
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public TreeNode<UnitNode> getRoot() {
        return root;
    }

    public UnitKind[] getKinds() {
        return UnitKind.values();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }
}
