/**
 * The working-day calendar (B2, B1): weekends, the public holidays and the make-up work days (调休) of the State
 * Council's yearly notice, kept as data that the system administrator edits. Deadlines of one working day and the
 * daily presence report count days with it.
 */
package cn.edu.xietong.calendar;
