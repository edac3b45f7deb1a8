package cn.edu.xietong.flow.notice;

import cn.edu.xietong.mail.MailDispatch;

/** Why a person is told about a flow. */
public enum NoticeKind {
    /** Their to-do is overdue. */
    REMINDER(MailDispatch.Kind.REMINDER),
    /** A to-do of someone in their unit has been overdue too long (to the unit leader). */
    ESCALATION(MailDispatch.Kind.ESCALATION),
    /** The initiator or a supervisor urges them. */
    URGE(MailDispatch.Kind.URGE);

    private final MailDispatch.Kind mail;

    NoticeKind(MailDispatch.Kind mail) {
        this.mail = mail;
    }

    public MailDispatch.Kind mail() {
        return mail;
    }
}
