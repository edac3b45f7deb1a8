/**
 * Instant messages (A4): one-to-one and group conversations between staff whose units use the mail and messages
 * module, unread counts per member, history kept and searchable by members only, files through the same upload
 * checks and scanning as everywhere (S1). A message reaches the open pages of its conversation's members live:
 * {@link ChatPulse} looks for new messages in the shared database every second on each server and hands them to the
 * listeners the web tier registered for people connected to that server, so two people on different servers of a
 * cluster talk as on one. A new message also reaches the notification centre (one unread notice per conversation).
 *
 * <p>Services: {@link Conversations}. Entities: {@link Conversation}, {@link ChatMember}, {@link ChatMessage}.
 */
package cn.edu.xietong.chat;
