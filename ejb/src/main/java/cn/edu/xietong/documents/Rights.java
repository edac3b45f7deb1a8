package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Role;

import java.util.Collection;
import java.util.Set;

/**
 * The rights model (O3.5, S4), without a container. A person's access to a document is the strongest of: the library's
 * defaults (a unit library is read by its unit's members — sub-offices included — and managed by the IT staff of that
 * unit or a unit above it; the public library is read by all staff; the system administrator manages every library)
 * and every grant on the library, on any folder above the document, or on the document itself. Grants only add: a
 * folder cannot take away what the library gives.
 */
public final class Rights {

    private Rights() {
    }

    /**
     * @param libraryUnits for a unit library, its unit's id and those above it (IT staff of a unit above manage it
     *                     too); empty for the public library
     * @param libraryUnit  the unit library's own unit id, null for the public library
     * @param grants       the grants on the library, the folders on the way down and the object itself
     */
    public static Access effective(Caller caller, Long libraryUnit, Set<Long> libraryUnits,
                                   Collection<GrantRule> grants) {
        Access access = defaults(caller, libraryUnit, libraryUnits);
        for (GrantRule grant : grants) {
            if (grant.appliesTo(caller)) {
                access = access.max(grant.access());
            }
        }
        return access;
    }

    static Access defaults(Caller caller, Long libraryUnit, Set<Long> libraryUnits) {
        if (caller.has(Role.SYS_ADMIN)) {
            return Access.MANAGE;
        }
        if (libraryUnit == null) {
            return Access.READ; // the public library: every member of staff reads it
        }
        if (caller.itUnits().stream().anyMatch(libraryUnits::contains)) {
            return Access.MANAGE;
        }
        return caller.units().contains(libraryUnit) ? Access.READ : Access.NONE;
    }
}
