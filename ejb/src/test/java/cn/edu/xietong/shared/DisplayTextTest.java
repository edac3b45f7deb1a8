package cn.edu.xietong.shared;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3: a name is something a reader can see, cannot reverse the text around it, and is refused, never cut, when long. */
class DisplayTextTest {

    @Test
    void aNameOfOnlyInvisibleCharactersIsNoName() {
        for (String invisible : new String[]{"", "   ", "\u200B", "\u200C\u200D", "\u2060", "\uFEFF", "\u3000",
                "\u00A0", "\t\r\n", "\u200B \u3000\uFEFF", "\u00AD", "\u3164", "\u2800", "\u202E", "\u0007"}) {
            assertEquals(Optional.empty(), DisplayText.name(invisible, 64), () -> "refused: " + escaped(invisible));
            assertFalse(DisplayText.isVisible(invisible));
        }
        assertEquals(Optional.empty(), DisplayText.name(null, 64));
    }

    @Test
    void invisibleCharactersAtTheEndsAreStrippedAndInsideKept() {
        assertEquals(Optional.of("王伟"), DisplayText.name("\u200B 王伟\u3000\uFEFF", 64));
        assertEquals(Optional.of("Li Na"), DisplayText.name("\u00A0Li Na\u2060", 64));
        assertEquals(Optional.of("👨\u200D👩"), DisplayText.name("👨\u200D👩", 64), "a joiner inside stays");
    }

    @Test
    void directionOverridesAreRemovedSoANameCannotRenderReversed() {
        assertEquals(Optional.of("王伟fdp.exe"), DisplayText.name("王伟\u202Efdp.exe\u202C", 64),
                "shown as typed, not as 王伟exe.pdf");
        for (int c : new int[]{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
                0x061C}) {
            assertEquals(Optional.of("ab"), DisplayText.name("a" + Character.toString(c) + "b", 64),
                    () -> "removed: U+" + Integer.toHexString(c));
        }
    }

    @Test
    void aNameLongerThanItsLimitIsRefusedNotCut() {
        assertEquals(Optional.of("x".repeat(50)), DisplayText.name("x".repeat(50), 50));
        assertEquals(Optional.empty(), DisplayText.name("x".repeat(51), 50));
        assertEquals(Optional.of("x".repeat(50)), DisplayText.name(" " + "x".repeat(50) + "\u200B", 50),
                "counted after stripping");
    }

    @Test
    void anOptionalNameMayBeLeftOutButNotTooLong() {
        assertEquals(Optional.of(""), DisplayText.optionalName(null, 10));
        assertEquals(Optional.of(""), DisplayText.optionalName("\u200B", 10));
        assertEquals(Optional.of("Office"), DisplayText.optionalName(" Office ", 10));
        assertEquals(Optional.empty(), DisplayText.optionalName("x".repeat(11), 10));
        assertTrue(DisplayText.isVisible("a"));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString();
    }
}
