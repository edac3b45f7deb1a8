/**
 * The university's directory: units of the three kinds (学院(部), 部处, 直属单位), the people in them and the roles
 * they hold, some scoped to a unit. Serves O2.6, O3.1 (structure) and the role model of REQUIREMENTS.md; the account
 * lifecycle around it (requests, approvals, recertification) is issue #3.
 */
package cn.edu.xietong.directory;
