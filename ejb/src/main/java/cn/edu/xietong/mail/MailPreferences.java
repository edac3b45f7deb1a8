package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each person's choice of the notifications that also reach their e-mail (C2), at once or in the daily digest, and
 * the language of those mails. A person chooses only their own; who never chose has the kinds' defaults.
 */
@Stateless
@RolesAllowed("STAFF")
public class MailPreferences {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @Inject
    private MailKinds kinds;

    /** One kind and how it reaches the person. */
    public record Choice(String code, String module, String kind, Delivery delivery) implements Serializable {
    }

    /** The caller's choices, every kind the modules declare, and the address mails go to (null if none). */
    public record Choices(MailLanguage language, List<Choice> choices, String address) implements Serializable {
    }

    public Choices mine() {
        Person me = directory.me();
        MailPreference preference = em.find(MailPreference.class, me.getId());
        return new Choices(preference == null ? MailLanguage.BOTH : preference.getLanguage(),
                kinds.all().stream().map(k -> new Choice(k.code(), k.module().name(), k.kind(),
                        delivery(preference, k))).toList(),
                Person.validEmail(me.getEmail()) ? me.getEmail().strip() : null);
    }

    /**
     * Stores the caller's choices; a kind left out is not mailed.
     *
     * @throws DomainException {@code mail.preference.unknownKind} for a kind no module declares
     */
    public Choices save(MailLanguage language, Map<String, Delivery> deliveries) {
        if (language == null) {
            throw new DomainException("mail.preference.language.required");
        }
        Map<String, Delivery> known = new LinkedHashMap<>();
        deliveries.forEach((code, delivery) -> {
            if (kinds.find(String.valueOf(code)).isEmpty()) {
                throw new DomainException("mail.preference.unknownKind", code);
            }
            known.put(code, delivery == null ? Delivery.NONE : delivery);
        });
        Person me = directory.me();
        MailPreference preference = em.find(MailPreference.class, me.getId());
        if (preference == null) {
            preference = new MailPreference(me.getId());
            em.persist(preference);
        }
        preference.choose(language, known);
        return mine();
    }

    /** How a kind reaches a person with these preferences (none stored: the kind's default). */
    static Delivery delivery(MailPreference preference, MailKind kind) {
        return preference == null ? kind.byDefault() : preference.delivery(kind.code());
    }
}
