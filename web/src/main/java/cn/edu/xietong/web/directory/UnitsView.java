package cn.edu.xietong.web.directory;

import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.UnitNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

import java.io.Serializable;
import java.util.List;

/** Backs directory/units.xhtml: the units of the university as a tree, with their members' count. */
@Named
@ViewScoped
public class UnitsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DirectoryService directory;

    private TreeNode<UnitNode> root;

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

    public TreeNode<UnitNode> getRoot() {
        return root;
    }
}
