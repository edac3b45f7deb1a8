/**
 * Proof of who is acting (S2, S3): password hashing (Argon2id at OWASP's recommended cost, parameters stored with every
 * hash so the cost can be raised later), the credential check behind the login form with lockout and address
 * throttling that count concurrent attempts one after another ({@link cn.edu.xietong.security.LoginGuard}), the
 * password policy (common and breached passwords refused), second factors with keyed recovery codes, account requests
 * and recertification (O3.2), and the security administrator's policies. What it keeps about a person is its own,
 * keyed by the person's id: the password and its history ({@link cn.edu.xietong.security.Credential}), the sessions
 * as a whole ({@link cn.edu.xietong.security.SessionRecord}), the second factor, and the unit IT staff's review of the
 * membership ({@link cn.edu.xietong.security.MembershipReview}). The review lives here, beside
 * {@link cn.edu.xietong.security.Recertification} and the unit security check that read it, because it is an account
 * control of the unit's IT staff (O3.2, O3.4) rather than a fact of the directory: the directory says which unit a
 * person is in; the review says whether someone vouched for it lately.
 */
package cn.edu.xietong.security;
