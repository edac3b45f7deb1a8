package cn.edu.xietong.directory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** O3.1: people are found by the pinyin initials of their names, as Chinese input methods taught everyone. */
class PinyinInitialsTest {

    @Test
    void chineseNamesGiveTheirInitials() {
        assertEquals("ww", PinyinInitials.of("王伟"));
        assertEquals("oynn", PinyinInitials.of("欧阳娜娜"));
        assertEquals("zh", PinyinInitials.of("赵红"));
    }

    @Test
    void latinLettersAndDigitsStayOthersGo() {
        assertEquals("annalw2", PinyinInitials.of("Anna 李·王 2"));
        assertEquals("", PinyinInitials.of(null));
        assertEquals("", PinyinInitials.of("·—"));
    }
}
