package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.mailbox.MailEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;

/** The mailbox's rows as they are stored, for tests that check what a service wrote (A4). */
@Stateless
public class MailboxData {

    @PersistenceContext
    private EntityManager em;

    /** Every entry of a mail, the removed ones included. */
    public List<MailEntry> entries(long mailId) {
        return em.createQuery("select e from MailEntry e join fetch e.owner where e.message.id = :m order by e.id",
                MailEntry.class).setParameter("m", mailId).getResultList();
    }

    /** How many rows a table of the mailbox has for a mail (mail_message, mail_attachment …), by plain SQL. */
    public long rows(String table, long mailId) {
        String column = "mail_message".equals(table) ? "id" : "message_id";
        if (!Set.of("mail_message", "mail_attachment", "mail_address", "mail_entry").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where " + column + " = ?")
                .setParameter(1, mailId).getSingleResult()).longValue();
    }

    /** How many mails a person has written (drafts included). */
    public long mailsBy(long personId) {
        return em.createQuery("select count(m) from MailMessage m where m.sender.id = :p", Long.class)
                .setParameter("p", personId).getSingleResult();
    }

    /** Sets the modules a top-level unit may use (O2.7). */
    public void modules(Unit unit, Set<Module> modules) {
        em.find(Unit.class, unit.getId()).allowModules(modules);
    }
}
