package cn.edu.xietong.directory;

import cn.edu.xietong.audit.ActorUnits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The directory's answer to the audit trail: a person's unit, read in the caller's transaction. */
@ApplicationScoped
public class DirectoryActorUnits implements ActorUnits {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<String> unitCodeOf(String login) {
        return Person.byLogin(em, login).map(p -> p.getUnit().getCode());
    }
}
