package cn.edu.xietong.audit;

/** What happened. Names are stable: they are stored, hashed and exported. */
public enum AuditEvent {
    LOGIN,
    LOGOUT,
    SESSION_TIMEOUT,
    LOCKOUT,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    ACCOUNT_DEACTIVATE,
    ACCOUNT_REACTIVATE,
    ACCOUNT_MOVE,
    ROLE_GRANT,
    ROLE_REVOKE,
    ACCOUNT_REQUEST,
    ACCOUNT_APPROVE,
    ACCOUNT_REJECT,
    POLICY_CHANGE,
    CLIENT_THROTTLED,
    MAIL_TEST,
    /** An administrator sent a queued mail again at once, or cancelled it (C2). */
    MAIL_RETRY,
    MAIL_CANCEL,
    JOB_START,
    JOB_STOP,
    /** A run its server died under, marked failed when that server started again, to be restarted (C1, issue #15). */
    JOB_INTERRUPTED,
    SCHEDULE_CHANGE,
    BACKUP,
    BACKUP_VERIFY,
    /** A run of the weekly cleanup: what it removed per area; audit records are never among it (E3, A4). */
    CLEANUP,
    AUDIT_VERIFY,
    AUDIT_EXPORT,
    SECOND_FACTOR_ENROL,
    SECOND_FACTOR_USE,
    SECOND_FACTOR_RESET,
    SESSION_REPLACED,
    /** A session ended by a change to its account (deactivation, password, roles) or by its absolute lifetime. */
    SESSION_ENDED,
    MODULE_RIGHTS,
    ACCOUNT_RECERTIFY,
    ACCOUNT_LEAVER_REPORT,
    CALENDAR_CHANGE,
    DIRECTORY_IMPORT,
    DIRECTORY_EXPORT,
    UNIT_CHANGE,
    FORM_CHANGE,
    FLOW_DESIGN_CHANGE,
    FLOW_CORE_LIST,
    FLOW_DELEGATION,
    FLOW_REASSIGN,
    FILE_UPLOAD,
    FILE_DOWNLOAD,
    /** A document of a library: a new document or version (O3.5). */
    DOCUMENT_UPLOAD,
    /** A document's page or content was viewed in the browser (S4). */
    DOCUMENT_VIEW,
    /** A document was downloaded, or a download refused (S4: a controlled document without approval). */
    DOCUMENT_DOWNLOAD,
    /** A document's confidentiality level changed, with the reason (S4). */
    DOCUMENT_LEVEL,
    /** A manager's act on a document: archive, restore, recycle bin, purge, a broken check-out. */
    DOCUMENT_CHANGE,
    /** Rights granted or taken back on a library, folder or document. */
    DOCUMENT_RIGHTS,
    /** The search index was rebuilt by an administrator (B4). */
    SEARCH_REBUILD,
    /** The system administrator changed a setting, or put it back, with the value before and after (O2.1). */
    SETTING_CHANGE
}
