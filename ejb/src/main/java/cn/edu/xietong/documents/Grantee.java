package cn.edu.xietong.documents;

/** Whom a grant names: the members of a unit (its sub-units included), the holders of a role, or one person. */
public enum Grantee {
    UNIT, ROLE, PERSON
}
