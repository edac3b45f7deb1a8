/**
 * Approvals with the force of a signature (B3): every action on an instance is appended to the instance's hash chain
 * and signed with the server's Ed25519 key, which lives in the keystore outside the database. A verifier (the page,
 * and the command-line tool over an exported trail) reports the first altered, removed or reordered record. In the
 * server it also reports a trail cut back behind the latest head recorded outside the database
 * ({@link cn.edu.xietong.audit.HeadLog}) and a locked form whose values are no longer those the last action signed.
 */
package cn.edu.xietong.flow.trail;
