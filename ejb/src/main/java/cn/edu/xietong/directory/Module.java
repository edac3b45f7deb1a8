package cn.edu.xietong.directory;

/**
 * The modules a unit may be given (O2.7). The system administrator sets them per unit; sub-offices use what their
 * unit uses. Names are stored.
 */
public enum Module {
    /** 流程审批: daily work and administrative affairs flows (A1). */
    FLOWS,
    /** 学校公文: official documents (A1). */
    OFFICIAL_DOCUMENTS,
    /** 通知公告: notices, announcements and news (B4). */
    NOTICES,
    /** 邮件与消息: internal mail and instant messages (A4, A5). */
    MAIL,
    /** 文档库: unit and public document libraries (O3.5, S4). */
    DOCUMENTS
}
