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
    BATCH_OPERATOR;

    /** Roles whose meaning is tied to one unit: they are granted with that unit as scope. */
    public boolean isUnitScoped() {
        return this == UNIT_LEADER || this == UNIT_IT;
    }
}
