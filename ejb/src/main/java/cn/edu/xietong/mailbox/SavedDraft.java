package cn.edu.xietong.mailbox;

import java.time.Instant;

/**
 * A draft as saved: its mail's id (which the page keeps to save again), when, and whether the sanitiser removed
 * something from the text (the page says so: nothing goes missing silently).
 */
public record SavedDraft(long mailId, Instant savedAt, boolean cleaned) {
}
