package cn.edu.xietong.security;

import java.time.Instant;

/**
 * The state of a person's password (S2).
 *
 * @param expiresAt      when it expires ({@code null} if never set)
 * @param warn           within the warning period before expiry
 * @param mustChangeNow  first login, after a reset, or expired
 */
public record PasswordStatus(Instant expiresAt, boolean warn, boolean mustChangeNow) {
}
