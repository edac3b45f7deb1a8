package cn.edu.xietong.inspection;

/** What one chunk step of the inspection goes through, id by id (O1.7). */
public enum InspectionScope {
    /** Every document not in a recycle bin. */
    DOCUMENTS,
    /** Every person, active or not. */
    PEOPLE,
    /** Every core flow instance that is running. */
    CORE_FLOWS,
    /** Every top-level unit (sub-offices use their unit's modules). */
    UNITS
}
