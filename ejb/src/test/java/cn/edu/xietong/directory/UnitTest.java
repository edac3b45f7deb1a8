package cn.edu.xietong.directory;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnitTest {

    @Test
    void nameFollowsTheLanguageWithChineseAsDefault() {
        Unit hr = new Unit("HR", "人事处", "Human Resources", UnitKind.DEPARTMENT);
        assertEquals("人事处", hr.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Human Resources", hr.name(Locale.ENGLISH));
        assertEquals("人事处", hr.name(null));
    }

    @Test
    void aSubOfficeSitsUnderItsUnit() {
        Unit cs = new Unit("CS", "计算机学院", "CS", UnitKind.COLLEGE);
        Unit office = new Unit("CS-GO", "综合办公室", "General Office", UnitKind.COLLEGE);
        office.placeUnder(cs);
        assertSame(cs, office.getParent());
    }

    @Test
    void aUnitCannotBePlacedUnderItselfOrItsOwnSubUnit() {
        Unit a = new Unit("A", "甲", "A", UnitKind.COLLEGE);
        Unit b = new Unit("B", "乙", "B", UnitKind.COLLEGE);
        b.placeUnder(a);
        assertThrows(IllegalArgumentException.class, () -> a.placeUnder(a));
        assertThrows(IllegalArgumentException.class, () -> a.placeUnder(b));
    }

    @Test
    void codesAndNamesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Unit(" ", "甲", "A", UnitKind.COLLEGE));
        assertThrows(IllegalArgumentException.class, () -> new Unit("A", "", "A", UnitKind.COLLEGE));
        assertThrows(NullPointerException.class, () -> new Unit("A", "甲", "A", null));
    }

    /** S3: unit and post names are names a reader can see, without direction overrides. */
    @Test
    void unitAndPostNamesOfOnlyInvisibleCharactersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Unit("A", "\u200B", "A", UnitKind.COLLEGE));
        assertThrows(IllegalArgumentException.class, () -> new Unit("A", "甲", "\uFEFF\u2060", UnitKind.COLLEGE));
        Unit a = new Unit("A", "\u2067甲\u2069", "A\u200E", UnitKind.COLLEGE);
        assertEquals("甲", a.getNameZh());
        assertEquals("A", a.getNameEn());
        assertThrows(IllegalArgumentException.class, () -> a.rename("\u200D", "A"));
        assertThrows(IllegalArgumentException.class, () -> new Post(a, "\u200B\u3000"));
        assertThrows(IllegalArgumentException.class, () -> new Post(a, "长".repeat(51)));
        assertEquals("主任", new Post(a, "\u202D主任\u202C").getName());
    }
}
