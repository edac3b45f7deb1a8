package cn.edu.xietong.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** One line of the search journal: an item of a kind changed, and every server's index is to read it again. */
@Entity
@Table(name = "search_change")
@NamedQuery(name = SearchChange.AFTER, query = "select c from SearchChange c where c.id > :after order by c.id")
@NamedQuery(name = SearchChange.LAST, query = "select max(c.id) from SearchChange c")
@NamedQuery(name = SearchChange.FORGET, query = "delete from SearchChange c where c.changedAt < :before")
public class SearchChange {

    public static final String AFTER = "SearchChange.after";
    public static final String LAST = "SearchChange.last";
    public static final String FORGET = "SearchChange.forget";

    /** One at a time from the database, so ids follow the order of writing on every server. */
    @Id
    @SequenceGenerator(name = "search_change_seq", sequenceName = "search_change_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "search_change_seq")
    private Long id;

    @Column(nullable = false, length = 16, updatable = false)
    private String kind;

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected SearchChange() {
    }

    public SearchChange(String kind, long itemId, Instant changedAt) {
        this.kind = Objects.requireNonNull(kind);
        this.itemId = itemId;
        this.changedAt = Objects.requireNonNull(changedAt);
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public long getItemId() {
        return itemId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
