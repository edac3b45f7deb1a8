package cn.edu.xietong.chat;

import cn.edu.xietong.directory.PersonCandidate;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** An open conversation: its name, its members (with unit, post and presence), the latest messages. */
public record ConversationView(long id, ConversationKind kind, String title, List<Member> members,
                               List<ChatLine> lines, boolean more) implements Serializable {

    /** A member as shown: the person and whether they are online. */
    public record Member(PersonCandidate person, boolean online) implements Serializable {
    }

    /** A group's title, or the other person's label for a conversation of two. */
    public String label(Locale locale, String viewerLogin) {
        if (kind == ConversationKind.GROUP) {
            return title;
        }
        return members.stream().filter(m -> !m.person().login().equals(viewerLogin)).findFirst()
                .map(m -> m.person().label(locale)).orElse("");
    }
}
