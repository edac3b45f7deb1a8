package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowService;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs flow/lists.xhtml (A2): my to-dos (待办), done (已办), my submissions, copies to read and read (待阅/已阅),
 * each filtered by category and by words of the title.
 */
@Named
@ViewScoped
public class ListsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowService flows;

    @EJB
    private OfficeClock clock;

    private String tab = "todo";
    private Category category;
    private String words;

    /** Read once per request: a table asks for its rows several times while it renders. */
    private transient List<FlowTask> tasks;
    private transient List<FlowInstance> mine;

    public List<FlowTask> getTasks() {
        if (tasks == null) {
            tasks = read().stream().filter(t -> matches(t.getInstance())).toList();
        }
        return tasks;
    }

    private List<FlowTask> read() {
        return switch (tab) {
            case "done" -> flows.done();
            case "copies" -> flows.copiesToRead();
            case "read" -> flows.copiesRead();
            default -> flows.todos();
        };
    }

    public List<FlowInstance> getMine() {
        if (mine == null) {
            mine = flows.mine().stream().filter(this::matches).toList();
        }
        return mine;
    }

    /** Filters changed: read again. */
    public void filter() {
        tasks = null;
        mine = null;
    }

    private boolean matches(FlowInstance instance) {
        return (category == null || instance.getDesign().getCategory() == category)
                && (words == null || words.isBlank()
                || instance.getTitle().toLowerCase(Locale.ROOT).contains(words.strip().toLowerCase(Locale.ROOT)));
    }

    public boolean overdue(FlowTask task) {
        return task.isOverdue(clock.now());
    }

    public boolean isMineTab() {
        return "mine".equals(tab);
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = List.of("todo", "done", "mine", "copies", "read").contains(tab) ? tab : "todo";
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
