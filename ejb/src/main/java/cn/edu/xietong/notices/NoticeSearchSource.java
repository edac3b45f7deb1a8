package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.search.AccessTokens;
import cn.edu.xietong.search.IndexedItem;
import cn.edu.xietong.search.SearchSource;
import cn.edu.xietong.search.TextExtraction;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Published notices, announcements and news in search (B4): the published version's title, text and attachments'
 * names and text, found by the
 * item's audience and its writer, between its publish and expiry moments; an item under review, rejected or withdrawn
 * is not found. A hit is shown only if {@link NoticeBoard} would open it now.
 */
@ApplicationScoped
public class NoticeSearchSource implements SearchSource {

    public static final String KIND = "notice";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<IndexedItem> read(long id) {
        Notice n = em.find(Notice.class, id);
        if (n == null || n.getState() != NoticeState.PUBLISHED || n.getPublishedVersion() == null) {
            return Optional.empty();
        }
        NoticeVersion v = n.getPublishedVersion();
        Set<String> readers = new LinkedHashSet<>();
        readers.add(AccessTokens.person(n.getAuthor().getId()));
        for (Audience a : n.getAudience()) {
            readers.add(switch (a.getTarget()) {
                case SCHOOL -> AccessTokens.ALL;
                case UNIT -> AccessTokens.unit(a.getTargetId());
                case ROLE -> AccessTokens.role(a.getRole());
                case PERSON -> AccessTokens.person(a.getTargetId());
            });
        }
        StringBuilder text = new StringBuilder(v.getBodyText());
        for (AttachedFile file : v.getAttachments()) {
            text.append('\n').append(file.getName());
            em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", file.getFileUid())
                    .getResultStream().findFirst()
                    .ifPresent(f -> text.append('\n').append(TextExtraction.text(f.getName(), f.content())));
        }
        return Optional.of(new IndexedItem(KIND, id, v.getTitle(), text.toString(), n.getPublishedAt(),
                "/notices/notice.xhtml?id=" + id, readers, n.getPublishAt(), n.getExpireAt()));
    }

    @Override
    public List<Long> ids(long afterId, int max) {
        return em.createQuery("select n.id from Notice n where n.state = :published and n.id > :after order by n.id",
                        Long.class).setParameter("published", NoticeState.PUBLISHED).setParameter("after", afterId)
                .setMaxResults(max).getResultList();
    }

    @Override
    public boolean openTo(Person reader) {
        return reader.getUnit().mayUse(Module.NOTICES);
    }

    @Override
    public boolean readableBy(long id, Person reader) {
        Notice n = em.find(Notice.class, id);
        return n != null && n.isVisibleAt(clock.now()) && Audiences.includes(em, n, reader);
    }
}
