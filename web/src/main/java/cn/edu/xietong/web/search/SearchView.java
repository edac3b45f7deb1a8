package cn.edu.xietong.web.search;

import cn.edu.xietong.search.Search;
import cn.edu.xietong.search.SearchAdministration;
import cn.edu.xietong.search.SearchIndex;
import cn.edu.xietong.search.SearchResults;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs search/search.xhtml (B4, O3.5): {@code ?q=words&kind=notice&page=0} searched as the caller may read; the header's
 * box sends its words here. A system administrator also sees where this server's index stands and may rebuild it.
 */
@Named
@ViewScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Search search;

    @EJB
    private SearchAdministration administration;

    @Inject
    private Messages messages;

    @Inject
    private ExternalContext external;

    private String q;
    private String kind;
    private int page;
    private SearchResults results;
    private List<String> kinds;

    public void load() {
        kinds = search.kinds();
        if (kind != null && !kinds.contains(kind)) {
            kind = null;
        }
        if (q == null) {
            return;
        }
        try {
            results = search.search(q, kind, page);
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public boolean isAdministrator() {
        return external.isUserInRole("SYS_ADMIN");
    }

    public SearchIndex.IndexStatus getStatus() {
        return isAdministrator() ? administration.status() : null;
    }

    public void rebuild() {
        administration.rebuild();
        messages.info("search.rebuildStarted");
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null || kind.isBlank() ? null : kind;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public SearchResults getResults() {
        return results;
    }

    public List<String> getKinds() {
        return kinds;
    }
}
