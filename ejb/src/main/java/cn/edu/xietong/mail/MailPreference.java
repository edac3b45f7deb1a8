package cn.edu.xietong.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one person wants by e-mail (C2): the kinds sent at once, those gathered into the daily digest, and the
 * language. A kind in neither list is not mailed; a person who never chose has no row and the kinds' defaults.
 * Kinds are named by {@link MailKind#code()}; a kind no module declares any more is ignored.
 */
@Entity
@Table(name = "mail_preference")
public class MailPreference {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private MailLanguage language;

    @Column(nullable = false, length = 2000)
    private String immediate;

    @Column(nullable = false, length = 2000)
    private String digest;

    @Version
    private long version;

    protected MailPreference() {
    }

    public MailPreference(long personId) {
        this.personId = personId;
        this.language = MailLanguage.BOTH;
        this.immediate = "";
        this.digest = "";
    }

    /** Replaces every choice: each kind's delivery, and the language. */
    public void choose(MailLanguage language, Map<String, Delivery> deliveries) {
        this.language = language;
        this.immediate = join(deliveries, Delivery.IMMEDIATE);
        this.digest = join(deliveries, Delivery.DIGEST);
        if (immediate.length() > 2000 || digest.length() > 2000) {
            throw new IllegalArgumentException("too many kinds");
        }
    }

    public Delivery delivery(String code) {
        if (split(immediate).contains(code)) {
            return Delivery.IMMEDIATE;
        }
        return split(digest).contains(code) ? Delivery.DIGEST : Delivery.NONE;
    }

    public MailLanguage getLanguage() {
        return language;
    }

    private static String join(Map<String, Delivery> deliveries, Delivery which) {
        return deliveries.entrySet().stream().filter(e -> e.getValue() == which).map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
    }

    private static Set<String> split(String codes) {
        return codes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(codes.split(",")));
    }
}
