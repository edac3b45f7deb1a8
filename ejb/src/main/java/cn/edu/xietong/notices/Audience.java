package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;
import java.util.Objects;

/** One part of an item's audience (B4): the whole school, a unit, a role, or a person. */
@Embeddable
public class Audience implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AudienceTarget target;

    @Column(name = "target_id")
    private Long targetId;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Role role;

    protected Audience() {
    }

    private Audience(AudienceTarget target, Long targetId, Role role) {
        this.target = target;
        this.targetId = targetId;
        this.role = role;
    }

    public static Audience school() {
        return new Audience(AudienceTarget.SCHOOL, null, null);
    }

    public static Audience unit(long unitId) {
        return new Audience(AudienceTarget.UNIT, unitId, null);
    }

    public static Audience role(Role role) {
        return new Audience(AudienceTarget.ROLE, null, Objects.requireNonNull(role));
    }

    public static Audience person(long personId) {
        return new Audience(AudienceTarget.PERSON, personId, null);
    }

    public AudienceTarget getTarget() {
        return target;
    }

    public Long getTargetId() {
        return targetId;
    }

    public Role getRole() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audience a && target == a.target && Objects.equals(targetId, a.targetId)
                && role == a.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, targetId, role);
    }
}
