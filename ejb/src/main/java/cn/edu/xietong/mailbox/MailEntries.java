package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Lookups the mailbox's services share, always for a person the calling service has established. */
final class MailEntries {

    private MailEntries() {
    }

    /**
     * The entry through which {@code me} reads a mail: theirs as a recipient, else as its sender. A mail not in their
     * mailbox is refused alike whether it exists or not; a recalled one is said to be recalled.
     */
    static MailEntry readable(EntityManager em, Person me, long mailId) {
        List<MailEntry> mine = em.createQuery("select e from MailEntry e where e.message.id = :message"
                        + " and e.owner.id = :me and e.removedAt is null", MailEntry.class)
                .setParameter("message", mailId).setParameter("me", me.getId()).getResultList();
        if (mine.isEmpty()) {
            MailMessage mail = em.find(MailMessage.class, mailId);
            if (mail != null && mail.isRecalled() && wasAddressedTo(em, mail, me)) {
                throw new DomainException("mailbox.recalled");
            }
            throw new EJBAccessException("mail " + mailId + " is not in " + me.getLogin() + "'s mailbox");
        }
        return mine.stream().filter(e -> e.getRole() != EntryRole.SENDER).findFirst().orElse(mine.get(0));
    }

    private static boolean wasAddressedTo(EntityManager em, MailMessage mail, Person me) {
        return em.createQuery("select count(n) from Notification n where n.person.id = :me"
                        + " and n.module = :mail and n.objectId = :id", Long.class)
                .setParameter("me", me.getId()).setParameter("mail", cn.edu.xietong.directory.Module.MAIL)
                .setParameter("id", mail.getId()).getSingleResult() > 0;
    }

    /** A person's quota and usage: every mail in their mailbox that is not removed for good counts. */
    static MailboxUsage usageOf(EntityManager em, Person person) {
        MailboxPolicy policy = em.find(MailboxPolicy.class, MailboxPolicy.ID);
        MailQuota own = em.find(MailQuota.class, person.getId());
        long quotaMb = own != null ? own.getQuotaMb() : policy.getDefaultQuotaMb();
        // H2 and PostgreSQL answer the sum of a bigint column as a decimal: read it as any number
        Object sum = em.createNamedQuery(MailEntry.USAGE).setParameter("owner", person.getId()).getSingleResult();
        long used = sum == null ? 0 : ((Number) sum).longValue();
        return new MailboxUsage(used, quotaMb * 1024 * 1024, policy.getWarnPercent());
    }
}
