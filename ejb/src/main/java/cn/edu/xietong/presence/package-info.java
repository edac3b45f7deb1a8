/**
 * Presence (B1): who is online now. Logins are in the audit trail; activity updates a person's last-seen time at most
 * once a minute; a logout ends presence at once. The daily per-unit report of leaders' coverage and staff who did not
 * log in both morning and afternoon needs the working-day calendar and comes with it (#3, #4).
 */
package cn.edu.xietong.presence;
