/**
 * Approvals with the force of a signature (B3): every action on an instance is appended to the instance's hash chain
 * and signed with the server's Ed25519 key, which lives in the keystore outside the database. A verifier (the page,
 * and the command-line tool over an exported trail) reports the first altered, removed or reordered record.
 */
package cn.edu.xietong.flow.trail;
