package cn.edu.xietong.chat;

import cn.edu.xietong.directory.PersonCandidate;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * A conversation as its member's list shows it: a group's title, or the other person with unit and post (A5) and
 * whether they are online (B1); how many members; what is unread; the last message's first words and time.
 */
public record ListedConversation(long id, ConversationKind kind, String title, PersonCandidate other,
                                 boolean online, int members, long unread, String preview, Instant lastAt)
        implements Serializable {

    /** The name shown for the conversation in the reader's language. */
    public String label(Locale locale) {
        return other != null ? other.label(locale) : title;
    }
}
