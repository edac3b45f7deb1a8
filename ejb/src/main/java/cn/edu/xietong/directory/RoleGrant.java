package cn.edu.xietong.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.util.Objects;

/**
 * One role held by a person; unit-scoped roles (UNIT_LEADER, UNIT_IT) name the unit they apply to. Compared by value.
 */
@Embeddable
public class RoleGrant {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @ManyToOne
    @JoinColumn(name = "scope_unit_id")
    private Unit scope;

    protected RoleGrant() {
    }

    public RoleGrant(Role role, Unit scope) {
        this.role = Objects.requireNonNull(role, "role");
        if (role.isUnitScoped() && scope == null) {
            throw new IllegalArgumentException(role + " needs the unit it applies to");
        }
        if (!role.isUnitScoped() && scope != null) {
            throw new IllegalArgumentException(role + " is not scoped to a unit");
        }
        this.scope = scope;
    }

    public Role getRole() {
        return role;
    }

    /** The unit a unit-scoped role applies to, or {@code null} for university-wide roles. */
    public Unit getScope() {
        return scope;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoleGrant that
                && role == that.role
                && Objects.equals(scopeCode(), that.scopeCode());
    }

    private String scopeCode() {
        return scope == null ? null : scope.getCode();
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, scopeCode());
    }
}
