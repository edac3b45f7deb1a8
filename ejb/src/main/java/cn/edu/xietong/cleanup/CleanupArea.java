package cn.edu.xietong.cleanup;

/**
 * The areas of the weekly cleanup (E3, A4), in the order the job sweeps them: the mail areas first, so that the
 * attachments of mails purged are unreferenced uploads when the upload area comes. Each area is one chunk step of the
 * job {@code weekly-cleanup} (its step property {@code area}) and one kind of report line ({@link #kind()}).
 */
public enum CleanupArea {
    /** Mail entries in a trash longer than the mailbox policy's days. */
    MAIL_TRASH("mailTrash"),
    /** Unsent drafts untouched for {@code xietong.cleanup.draftDays}. */
    MAIL_DRAFTS("mailDraft"),
    /** Mails no mailbox holds any more: their text, addresses and attachment rows. */
    MAIL_PURGE("mailPurged"),
    /**
     * Instant messages older than {@code xietong.cleanup.messageDays}, a conversation at a time (A4: messages do not
     * pile up); their files go with the uploads nothing refers to any more.
     */
    CHAT_MESSAGES("chatMessage"),
    /** Uploaded files nothing refers to, a day after their upload. */
    UPLOADS("upload"),
    /** Content-store files no document version names, a day after they were stored. */
    CONTENT("content"),
    /** Presence samples older than {@code xietong.cleanup.presenceDays}, a day at a time. */
    PRESENCE("presence"),
    /** Second-factor login challenges a day after they expired. */
    LOGIN_CHALLENGES("loginChallenge"),
    /** Failed-login counts of client addresses whose window and block ended a day ago. */
    CLIENT_THROTTLES("clientGuard"),
    /** Outbox mails sent, cancelled, digested or finally failed more than {@code xietong.cleanup.outboxDays} ago. */
    OUTBOX("outbox"),
    /** Ended job runs of the job repository older than {@code xietong.cleanup.jobRunDays}, an instance at a time. */
    JOB_RUNS("jobRun"),
    /** Finished job reports older than {@code xietong.cleanup.reportDays}. */
    JOB_REPORTS("jobReport");

    private final String key;

    CleanupArea(String key) {
        this.key = key;
    }

    /** The kind of its report lines: the suffix of the message key {@code report.cleanup.<key>}. */
    public String kind() {
        return "cleanup." + key;
    }
}
