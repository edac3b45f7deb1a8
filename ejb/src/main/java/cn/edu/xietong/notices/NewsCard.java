package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;

/**
 * A published news item as the workbench's card shows it: title, unit, when, and its first picture (a {@code data:}
 * image of the sanitised text, small enough for a card), if any.
 */
public record NewsCard(long id, String title, Bilingual unit, Instant publishedAt, String picture, boolean read)
        implements Serializable {

    /** The largest picture a card carries, in characters of its data URI. */
    static final int MAX_PICTURE = 200_000;
}
