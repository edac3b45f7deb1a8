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
}
