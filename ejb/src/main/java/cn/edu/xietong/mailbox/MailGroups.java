package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One's personal groups of recipients (A4): each person sees and changes only their own. */
@Stateless
@RolesAllowed("STAFF")
public class MailGroups {

    /** A group as its owner sees it, members shown with unit and post (A5). */
    public record Group(long id, String name, List<PersonCandidate> members) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private PeopleFinder people;

    public List<Group> mine() {
        return em.createNamedQuery(MailGroup.OF_OWNER, MailGroup.class).setParameter("owner", directory.me().getId())
                .getResultStream().map(g -> new Group(g.getId(), g.getName(),
                        people.candidates(List.copyOf(g.getMembers())))).toList();
    }

    /** Creates a group; answers its id. */
    public long create(String name, List<String> logins) {
        Person me = directory.me();
        requireFreeName(me, name, null);
        MailGroup group = new MailGroup(me, name, members(logins));
        em.persist(group);
        em.flush();
        return group.getId();
    }

    public void change(long groupId, String name, List<String> logins) {
        Person me = directory.me();
        MailGroup group = own(me, groupId);
        requireFreeName(me, name, groupId);
        group.change(name, members(logins));
    }

    public void delete(long groupId) {
        em.remove(own(directory.me(), groupId));
    }

    private MailGroup own(Person me, long groupId) {
        MailGroup group = em.find(MailGroup.class, groupId);
        if (group == null || !group.belongsTo(me)) {
            throw new EJBAccessException("group " + groupId + " is not " + me.getLogin() + "'s");
        }
        return group;
    }

    private List<Person> members(List<String> logins) {
        List<Person> members = new ArrayList<>();
        for (String login : logins.stream().distinct().toList()) {
            members.add(Person.byLogin(em, login).filter(Person::isActive)
                    .orElseThrow(() -> new DomainException("mailbox.noSuchPerson", login)));
        }
        return members;
    }

    private void requireFreeName(Person me, String name, Long except) {
        String n = name == null ? "" : name.strip();
        boolean taken = em.createNamedQuery(MailGroup.OF_OWNER, MailGroup.class).setParameter("owner", me.getId())
                .getResultStream().anyMatch(g -> g.getName().equalsIgnoreCase(n) && !g.getId().equals(except));
        if (taken) {
            throw new DomainException("mailbox.group.taken", n);
        }
    }
}
