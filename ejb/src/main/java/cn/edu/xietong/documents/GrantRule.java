package cn.edu.xietong.documents;

/** A grant as the rights see it: whom it names and what it allows. */
public record GrantRule(Grantee grantee, Long unitId, String role, Long personId, Access access) {

    public boolean appliesTo(Caller caller) {
        return switch (grantee) {
            case UNIT -> unitId != null && caller.units().contains(unitId);
            case ROLE -> role != null && caller.roles().contains(role);
            case PERSON -> personId != null && personId == caller.personId();
        };
    }
}
