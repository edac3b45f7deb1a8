package cn.edu.xietong.documents;

import java.io.Serializable;
import java.util.Set;

/**
 * Who reads a document, for a search index that filters by rights (O3.5, S4): every member of staff, or the members
 * of these units (and of their sub-units), the holders of these roles, the IT staff of these units (and of units above
 * them: {@code itOfUnits}), and these people. The system administrator reads everything.
 */
public record Readers(boolean allStaff, Set<Long> units, Set<String> roles, Set<Long> itOfUnits, Set<Long> people)
        implements Serializable {
}
