/**
 * Schedules of batch jobs (C1, E3, O1.7): batch operators give each job a calendar expression in the campus time
 * zone, switch it on and off, and preview its next runs. Schedules live in the shared database; every server ticks
 * once a minute, and a server fires a due schedule only after claiming it with a conditional update, so a schedule
 * fires once however many servers run.
 */
package cn.edu.xietong.schedule;
