/**
 * The server's signing key (Ed25519, {@link cn.edu.xietong.signing.ServerKeys}): kept in a keystore outside the
 * database, it signs the audit trail's records and every flow action (B3, S5). Below every module that signs; it knows
 * none of them.
 */
package cn.edu.xietong.signing;
