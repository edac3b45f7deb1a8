package cn.edu.xietong.inspection;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Readers;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * How far a document reaches beyond what its level allows (O1.7, S4), without a container. A controlled (受控)
 * document is for the unit that owns it: the members of that unit and its sub-offices, the IT staff who manage its
 * library (of the unit or a unit above), people named one by one, and the system administrator. It reaches too far
 * when anyone else reads it by a rule that names many people at once:
 * <ul>
 *     <li>it lies in the public library, which every member of staff reads ({@link FindingKind#CONTROLLED_PUBLIC});
 *     <li>a grant on it, a folder above it or its library names a unit that is neither the owning unit nor one of its
 *     sub-offices: another unit, or a unit above the owner ({@link FindingKind#CONTROLLED_OTHER_UNIT});
 *     <li>such a grant names a role (other than the system administrator's), whose holders are found in every unit
 *     ({@link FindingKind#CONTROLLED_ROLE}).
 * </ul>
 * A grant to one person is the deliberate, narrow way to share a controlled document and is not reported. Public and
 * internal (校内) documents may be read school-wide and are never reported.
 *
 * @param allStaff   every member of staff reads it
 * @param otherUnits the units outside the owning unit whose members read it
 * @param roles      the roles whose holders read it
 */
public record ControlledReach(boolean allStaff, Set<Long> otherUnits, Set<String> roles) {

    private static final ControlledReach NONE = new ControlledReach(false, Set.of(), Set.of());

    /**
     * @param level     the document's level
     * @param readers   who reads it, as the documents module computes it
     * @param ownsUnit  whether a unit is the owning unit or one of its sub-offices
     */
    public static ControlledReach of(Level level, Readers readers, LongPredicate ownsUnit) {
        if (level != Level.CONTROLLED) {
            return NONE;
        }
        Set<Long> other = new TreeSet<>();
        readers.units().stream().filter(u -> !ownsUnit.test(u)).forEach(other::add);
        Set<String> roles = new TreeSet<>(readers.roles());
        roles.remove(Role.SYS_ADMIN.name());
        return new ControlledReach(readers.allStaff(), Set.copyOf(other), Set.copyOf(roles));
    }

    /**
     * The kinds of finding this reach makes, in the page's order; empty when it stays within its level. A document
     * every member of staff reads is reported as that alone: grants cannot widen it further.
     */
    public List<FindingKind> findings() {
        if (allStaff) {
            return List.of(FindingKind.CONTROLLED_PUBLIC);
        }
        return List.of(FindingKind.CONTROLLED_PUBLIC, FindingKind.CONTROLLED_OTHER_UNIT, FindingKind.CONTROLLED_ROLE)
                .stream().filter(k -> switch (k) {
                    case CONTROLLED_PUBLIC -> allStaff;
                    case CONTROLLED_OTHER_UNIT -> !otherUnits.isEmpty();
                    default -> !roles.isEmpty();
                }).toList();
    }
}
