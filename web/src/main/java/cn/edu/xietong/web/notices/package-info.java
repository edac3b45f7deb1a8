/**
 * The notices' pages (B4, O1.6, E1): the board of what the reader's audience may read, reading an item (and its earlier
 * versions), one's own items and their writing page, read tracking with reminders, the whole item for its approvers,
 * publishing rights, and the supervising office's content-freshness board. The pages hold records only; every rule is
 * the services' ({@code cn.edu.xietong.notices}).
 */
package cn.edu.xietong.web.notices;
