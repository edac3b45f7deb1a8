package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.search.AccessTokens;
import cn.edu.xietong.search.IndexedItem;
import cn.edu.xietong.search.SearchSource;
import cn.edu.xietong.search.TextExtraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One's own mail in search (A4, B4): a sent mail's subject, text, attachment names and the attachments' text, found
 * only by the owners of its mailbox entries that are not removed for good (a mail in the trash is still found; a
 * recalled mail by its sender only). Drafts are not searched. A hit is shown only if the mailbox would open it now.
 */
@ApplicationScoped
public class MailSearchSource implements SearchSource {

    public static final String KIND = "mail";

    @PersistenceContext
    private EntityManager em;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<IndexedItem> read(long id) {
        MailMessage m = em.find(MailMessage.class, id);
        if (m == null || !m.isSent()) {
            return Optional.empty();
        }
        Set<String> readers = em.createQuery("select e.owner.id from MailEntry e where e.message.id = :m"
                        + " and e.removedAt is null", Long.class).setParameter("m", id).getResultStream()
                .map(AccessTokens::mailbox).collect(Collectors.toSet());
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(m.getBodyText());
        for (AttachedFile a : m.getAttachments()) {
            text.append('\n').append(a.getName());
            em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", a.getFileUid())
                    .getResultStream().findFirst()
                    .ifPresent(f -> text.append('\n').append(TextExtraction.text(a.getName(), f.content())));
        }
        return Optional.of(IndexedItem.of(KIND, id, m.getSubject(), text.toString(), m.getSentAt(),
                "/mail/read.xhtml?mail=" + id, readers));
    }

    @Override
    public List<Long> ids(long afterId, int max) {
        return em.createQuery("select m.id from MailMessage m where m.sentAt is not null and m.id > :after"
                + " order by m.id", Long.class).setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    @Override
    public boolean openTo(Person reader) {
        return reader.getUnit().mayUse(Module.MAIL);
    }

    @Override
    public boolean readableBy(long id, Person reader) {
        return em.createQuery("select count(e) from MailEntry e where e.message.id = :m and e.owner.id = :me"
                        + " and e.removedAt is null and e.message.sentAt is not null", Long.class)
                .setParameter("m", id).setParameter("me", reader.getId()).getSingleResult() > 0;
    }
}
