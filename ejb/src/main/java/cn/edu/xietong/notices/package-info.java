/**
 * Notices (通知), announcements (公告) and news (新闻) published only after approval (B4, O1.6). A
 * {@link NoticeCategory} names its kind and the publishing flow (a flow design of the PUBLISHING category) that
 * approves its items; people hold the {@link PublishingRight} to submit per unit and category. A {@link Notice} keeps
 * every {@link NoticeVersion}: a submitted version starts its own flow instance, and the flow's outcome, observed in the
 * transaction of the last approval ({@link PublicationOutcome}), publishes it — nothing is visible before — or sends it
 * back. An edit of a published item is a new version that goes through approval again while the published one stays
 * readable. Readers are those of the item's audience (the whole school, units, roles, named people); who has read it is
 * kept ({@link NoticeRead}).
 *
 * <p>Services: {@link Publishing} (writing, submitting, one's own items), {@link NoticeBoard} (reading what is
 * published for one, read tracking), {@link PublishingRights} (who may submit).
 */
package cn.edu.xietong.notices;
