package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.search.AccessTokens;
import cn.edu.xietong.search.IndexedItem;
import cn.edu.xietong.search.SearchSource;
import cn.edu.xietong.search.TextExtraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Documents of the libraries in search (O3.5, S4): a document's title, description, tags, file name and the text of
 * its latest version (PDF, Word, Excel, PowerPoint, plain text, read by Tika from the content store), found by those
 * who may read it — the same readers {@link Libraries#readers} names, as access tokens; a binned document is not found.
 * A hit is shown only if the document's own page would open it now ({@link Guard}). The text of a controlled document
 * is searched too, but only its readers find it, and its page decides what they may do with it.
 */
@ApplicationScoped
public class DocumentSearchSource implements SearchSource {

    public static final String KIND = "document";

    @PersistenceContext
    private EntityManager em;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<IndexedItem> read(long id) {
        Document d = em.find(Document.class, id);
        if (d == null || d.getState() == DocumentState.BINNED) {
            return Optional.empty();
        }
        DocumentVersion latest = em.createNamedQuery(DocumentVersion.LATEST, DocumentVersion.class)
                .setParameter("document", d).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (latest == null) {
            return Optional.empty();
        }
        Readers who = Libraries.readersOf(em, d);
        Set<String> readers = new LinkedHashSet<>();
        if (who.allStaff()) {
            readers.add(AccessTokens.ALL);
        }
        who.units().forEach(u -> readers.add(AccessTokens.unit(u)));
        who.roles().forEach(r -> readers.add(AccessTokens.role(Role.valueOf(r))));
        who.people().forEach(p -> readers.add(AccessTokens.person(p)));
        for (Long unitId : who.itOfUnits()) {
            for (Unit u = em.find(Unit.class, unitId); u != null; u = u.getParent()) {
                readers.add(AccessTokens.unitIt(u.getId()));
            }
        }
        String text = String.join("\n", nonNull(d.getDescription()), nonNull(d.getTags()), latest.getFileName(),
                TextExtraction.text(latest.getFileName(), ContentStore.pathOf(latest.getSha256())));
        return Optional.of(new IndexedItem(KIND, id, d.getTitle(), text, latest.getCreatedAt(),
                "/documents/document.xhtml?id=" + id, readers, null, null));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    @Override
    public List<Long> ids(long afterId, int max) {
        return em.createQuery("select d.id from Document d where d.state <> :binned and d.id > :after order by d.id",
                        Long.class).setParameter("binned", DocumentState.BINNED).setParameter("after", afterId)
                .setMaxResults(max).getResultList();
    }

    @Override
    public boolean openTo(Person reader) {
        return reader.getUnit().mayUse(Module.DOCUMENTS);
    }

    @Override
    public boolean readableBy(long id, Person reader) {
        Document d = em.find(Document.class, id);
        return d != null && d.getState() != DocumentState.BINNED
                && new Guard(em, reader).on(d).allows(Access.READ);
    }
}
