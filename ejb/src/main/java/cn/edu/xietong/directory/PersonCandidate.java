package cn.edu.xietong.directory;

import cn.edu.xietong.shared.Bilingual;

import java.util.Locale;

/**
 * A person as a picker offers them (A5): enough to tell two people of the same name apart — their unit and post —
 * and their login name, by which the choice is made. Never the {@link Person} itself.
 *
 * @param post the name of a post the person holds (in their own unit first), or {@code null}
 */
public record PersonCandidate(String login, String name, Bilingual unit, String post) implements java.io.Serializable {

    /** "王伟 · 计算机科学与技术学院 · 讲师": name · unit in the viewer's language · post (if any). */
    public String label(Locale locale) {
        return name + " · " + unit.in(locale) + (post == null ? "" : " · " + post);
    }
}
