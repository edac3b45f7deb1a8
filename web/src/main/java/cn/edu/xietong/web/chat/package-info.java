/**
 * Instant messages in the browser (A4): the chat page, the websocket that brings new messages into it without a
 * reload ({@link ChatSocket}, fed by the EJB tier's {@code ChatPulse}, which works across the servers of a cluster),
 * and the download of a file sent in a conversation.
 */
package cn.edu.xietong.web.chat;
