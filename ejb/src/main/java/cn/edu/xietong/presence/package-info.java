/**
 * Presence (B1): who is online now ({@link cn.edu.xietong.presence.LastSeen}, a person's last activity, kept apart
 * from the person's record: set at login and at most once a minute, cleared at logout), the half-hours of presence
 * per day, and the daily per-unit report of leaders' coverage and staff who did not log in both morning and afternoon.
 */
package cn.edu.xietong.presence;
