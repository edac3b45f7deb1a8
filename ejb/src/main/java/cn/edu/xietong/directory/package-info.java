/**
 * The university's directory: units of the three kinds (学院(部), 部处, 直属单位), the people in them (their directory
 * identity: login, name and its search keys, unit, e-mail, active) and the roles they hold, some scoped to a unit.
 * Serves O2.6, O3.1 (structure) and the role model of REQUIREMENTS.md. What other areas keep about a person (password,
 * sessions and membership reviews in {@code security}, last-seen time in {@code presence}) is theirs, keyed by the
 * person's id: this package depends on neither.
 */
package cn.edu.xietong.directory;
