package cn.edu.xietong.directory;

/**
 * The roles of REQUIREMENTS.md. Their names are also the Jakarta Security groups (and so the EJB and web roles) of a
 * logged-in person. Every active person is STAFF.
 */
public enum Role {
    STAFF,
    UNIT_LEADER,
    SCHOOL_LEADER,
    UNIT_IT,
    SUPERVISOR,
    SYS_ADMIN,
    BATCH_OPERATOR,
    /** 安全管理员: roles, rights and security policies (separation of duties, 三员). */
    SECURITY_ADMIN,
    /** 审计管理员: reads and exports the audit trail, nothing else (separation of duties, 三员). */
    AUDIT_ADMIN;

    /** Roles whose meaning is tied to one unit: they are granted with that unit as scope. */
    public boolean isUnitScoped() {
        return this == UNIT_LEADER || this == UNIT_IT;
    }
}
