/**
 * Proof of who is acting (S2, S3): password hashing (Argon2id at OWASP's recommended cost, parameters stored with every
 * hash so the cost can be raised later), the credential check behind the login form with lockout and address
 * throttling that count concurrent attempts one after another ({@link cn.edu.xietong.security.LoginGuard}), the
 * password policy (common and breached passwords refused), second factors with keyed recovery codes, account requests
 * and recertification (O3.2), and the security administrator's policies.
 */
package cn.edu.xietong.security;
