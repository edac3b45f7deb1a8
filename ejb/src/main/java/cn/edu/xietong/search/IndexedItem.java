package cn.edu.xietong.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One searchable item as a {@link SearchSource} reads it from the database: what is searched (title and text), what
 * a hit shows (date, link to its page) and who may find it ({@link AccessTokens}), and when it shows (a notice's
 * publish and expiry moments; null for always).
 */
public record IndexedItem(String kind, long id, String title, String text, Instant date, String link,
                          Set<String> readers, Instant visibleFrom, Instant visibleUntil) {

    public IndexedItem {
        Objects.requireNonNull(kind);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        Objects.requireNonNull(date);
        Objects.requireNonNull(link);
        readers = Set.copyOf(readers);
    }

    /** An item visible to its readers at all times. */
    public static IndexedItem of(String kind, long id, String title, String text, Instant date, String link,
                                 Set<String> readers) {
        return new IndexedItem(kind, id, title, text, date, link, readers, null, null);
    }
}
