package cn.edu.xietong.directory;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/**
 * Reads the directory. For now: who the caller is. The directory pages, imports and history are issue #3.
 */
@Stateless
@RolesAllowed("STAFF")
public class DirectoryService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** The logged-in person, with their unit and roles. */
    public Person me() {
        String login = context.getCallerPrincipal().getName();
        return findByLogin(login).orElseThrow(() -> new EJBAccessException("no person for caller " + login));
    }

    Optional<Person> findByLogin(String login) {
        return em.createNamedQuery(Person.BY_LOGIN, Person.class)
                .setParameter("login", Person.normaliseLogin(login))
                .getResultStream()
                .findFirst();
    }
}
