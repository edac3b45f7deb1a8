package cn.edu.xietong.directory;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A5: a person is found by the whole pinyin of their name too, and the keys follow the name when it changes. */
class PinyinSpellingTest {

    @Test
    void chineseNamesGiveTheirPinyinWithoutTonesOrSpaces() {
        assertEquals("wangwei", PinyinSpelling.of("王伟"));
        assertEquals("ouyangnana", PinyinSpelling.of("欧阳娜娜"));
        assertEquals("lvna", PinyinSpelling.of("吕娜"));
        assertEquals("anna2", PinyinSpelling.of("Anna·2"));
        assertEquals("", PinyinSpelling.of(null));
    }

    @Test
    void renamingAPersonRenewsTheirSearchKeys() {
        Person person = new Person("wangwei.x", "王伟", new Unit("CS", "计算机学院", "School of CS", UnitKind.COLLEGE),
                null, Instant.parse("2026-11-30T00:00:00Z"));
        assertEquals("ww", person.getNameInitials());
        assertEquals("wangwei", person.getNamePinyin());
        person.rename("欧阳娜娜");
        assertEquals("欧阳娜娜", person.getFullName());
        assertEquals("oynn", person.getNameInitials());
        assertEquals("ouyangnana", person.getNamePinyin());
        assertThrows(IllegalArgumentException.class, () -> person.rename("  "));
    }
}
