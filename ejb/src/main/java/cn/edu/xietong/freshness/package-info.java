/**
 * The content-freshness board of the supervising office (O1.6): per unit and per module (notices, announcements and
 * news; the document libraries), the last update, items per month, items showing now and items past their review date.
 * It reads the modules' tables in a few grouped queries and changes nothing.
 */
package cn.edu.xietong.freshness;
