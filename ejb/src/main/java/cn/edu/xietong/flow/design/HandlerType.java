package cn.edu.xietong.flow.design;

/** Who handles a node (O1.3). */
public enum HandlerType {
    /** Named people. */
    PERSON,
    /** Holders of a unit role (UNIT_LEADER, UNIT_IT) in the initiator's unit, or the nearest unit above it that has one. */
    INITIATOR_UNIT_ROLE,
    /** Holders of a unit role in a named unit. */
    UNIT_ROLE,
    /** The school leaders (校领导). */
    SCHOOL_LEADER,
    /** The initiator chooses at submit time among named candidates. */
    INITIATOR_CHOICE,
    /**
     * Holders of a unit role in the unit a UNIT field of the form names (or the nearest unit above it that has one):
     * the unit an instance is about, e.g. the unit owning a controlled document (S4).
     */
    FIELD_UNIT_ROLE
}
