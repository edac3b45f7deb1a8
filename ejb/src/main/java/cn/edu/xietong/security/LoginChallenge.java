package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A right password waiting for its second factor. The browser's session holds the ticket, the database only its
 * SHA-256; it is good for {@link #VALIDITY} and {@link #MAX_ATTEMPTS} codes, and is used up by a successful one.
 */
@Entity
@Table(name = "login_challenge")
@NamedQuery(name = LoginChallenge.DELETE_EXPIRED, query = "delete from LoginChallenge c where c.createdAt < :cutoff")
class LoginChallenge {

    static final String DELETE_EXPIRED = "LoginChallenge.deleteExpired";

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    @Id
    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(nullable = false, length = 64)
    private String login;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    protected LoginChallenge() {
    }

    LoginChallenge(String ticketHash, String login, Instant createdAt) {
        this.ticketHash = ticketHash;
        this.login = login;
        this.createdAt = createdAt;
    }

    boolean openAt(Instant now) {
        return now.isBefore(createdAt.plus(VALIDITY)) && attempts < MAX_ATTEMPTS;
    }

    /** Counts a wrong code; returns whether the challenge is still open for another. */
    boolean failed() {
        attempts++;
        return attempts < MAX_ATTEMPTS;
    }

    String login() {
        return login;
    }
}
