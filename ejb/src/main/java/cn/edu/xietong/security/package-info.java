/**
 * Proof of who is acting: password hashing (Argon2id at OWASP's recommended cost, parameters stored with every hash
 * so the cost can be raised later) and the credential check behind the login form. Serves S2 and S3; lockout, expiry,
 * second factor and the audit trail (S5) are issue #3.
 */
package cn.edu.xietong.security;
