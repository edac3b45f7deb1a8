package cn.edu.xietong.search;

import cn.edu.xietong.directory.Person;

import java.util.List;
import java.util.Optional;

/**
 * What a module implements to make its items searchable (B4, O3.5): one CDI bean (e.g. {@code @ApplicationScoped})
 * per kind; the indexer finds every implementation by itself. The module writes
 * {@code SearchJournal.changed(kind(), id)} wherever one of its items changes, in the transaction of the change.
 * Every method runs in the caller's transaction, without a caller's identity: the source itself decides, from the
 * database, what an item is and who reads it.
 */
public interface SearchSource {

    /** The kind's code, short and stable (stored in the index and the journal): "notice", "mail", "document". */
    String kind();

    /** The item as it is to be found now, or empty when nobody is to find it (not published, deleted, ...). */
    Optional<IndexedItem> read(long id);

    /** Ids of every item that is to be found, above {@code afterId}, ascending, at most {@code max} (rebuilds). */
    List<Long> ids(long afterId, int max);

    /** Whether this person may use the kind at all (their unit's modules): a kind they may not use is not searched. */
    boolean openTo(Person reader);

    /** The last word before a hit is shown: may this person read the item now, as its own page would decide. */
    boolean readableBy(long id, Person reader);
}
