package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.ListedInstance;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.design.Category;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs flow/lists.xhtml (A2): my to-dos (待办), done (已办), my submissions, copies to read and read (待阅/已阅),
 * each filtered by category and by words of the title. The rows are list rows, never the instances (S3).
 */
@Named
@ViewScoped
public class ListsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Worklists worklists;

    private String tab = "todo";
    private Category category;
    private String words;

    /** Read once per request: a table asks for its rows several times while it renders. */
    private transient List<ListedTask> tasks;
    private transient List<ListedInstance> mine;

    public List<ListedTask> getTasks() {
        if (tasks == null) {
            tasks = read().stream().filter(t -> matches(t.instance())).toList();
        }
        return tasks;
    }

    private List<ListedTask> read() {
        return switch (tab) {
            case "done" -> worklists.done();
            case "copies" -> worklists.copiesToRead();
            case "read" -> worklists.copiesRead();
            default -> worklists.todos();
        };
    }

    public List<ListedInstance> getMine() {
        if (mine == null) {
            mine = worklists.mine().stream().filter(this::matches).toList();
        }
        return mine;
    }

    /** Filters changed: read again. */
    public void filter() {
        tasks = null;
        mine = null;
    }

    private boolean matches(ListedInstance instance) {
        return (category == null || instance.category() == category)
                && (words == null || words.isBlank()
                || instance.title().toLowerCase(Locale.ROOT).contains(words.strip().toLowerCase(Locale.ROOT)));
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
