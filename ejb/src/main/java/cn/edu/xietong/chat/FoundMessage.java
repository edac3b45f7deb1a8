package cn.edu.xietong.chat;

import java.io.Serializable;

/** A message found by a search of one's own conversations, with the conversation it is in. */
public record FoundMessage(long conversationId, String conversation, ChatLine line) implements Serializable {
}
