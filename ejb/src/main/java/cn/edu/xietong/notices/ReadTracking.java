package cn.edu.xietong.notices;

import cn.edu.xietong.directory.PersonCandidate;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Who in an item's audience has read it, and who has not (B4). */
public record ReadTracking(int audience, List<Reader> read, List<PersonCandidate> unread) implements Serializable {

    /** A reader and when they read it. */
    public record Reader(PersonCandidate person, Instant at) implements Serializable {
    }
}
