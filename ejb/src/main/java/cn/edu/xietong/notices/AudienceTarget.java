package cn.edu.xietong.notices;

/** Who an item is for: the whole school, a unit (with its sub-offices), holders of a role, a named person. */
public enum AudienceTarget {
    SCHOOL, UNIT, ROLE, PERSON
}
