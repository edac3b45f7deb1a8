package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The folder tree (O3.5): no folder goes under itself or its own sub-folders; names are plain. */
class FolderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final Library library = new Library(new Unit("CS", "计算机学院", "CS", UnitKind.DEPARTMENT), NOW);

    @Test
    void aFolderCannotMoveUnderItselfOrBelowItself() {
        Folder a = new Folder(library, null, "a", false, NOW);
        Folder b = new Folder(library, a, "b", false, NOW);
        Folder c = new Folder(library, b, "c", false, NOW);
        assertEquals("document.folder.cycle", assertThrows(DomainException.class, () -> a.moveTo(c)).messageKey());
        assertEquals("document.folder.cycle", assertThrows(DomainException.class, () -> a.moveTo(a)).messageKey());
        assertEquals("document.folder.cycle", assertThrows(DomainException.class, () -> b.moveTo(c)).messageKey());
        c.moveTo(null);
        a.moveTo(c);
        assertSame(c, a.getParent());
        assertEquals(List.of("c", "a", "b"), b.path().stream().map(Folder::getName).toList());
    }

    @Test
    void aFolderStaysInItsLibrary() {
        Library other = new Library(new Unit("HR", "人事处", "HR", UnitKind.DEPARTMENT), NOW);
        Folder a = new Folder(library, null, "a", false, NOW);
        Folder elsewhere = new Folder(other, null, "x", false, NOW);
        assertEquals("document.folder.otherLibrary",
                assertThrows(DomainException.class, () -> a.moveTo(elsewhere)).messageKey());
    }

    @Test
    void aNameIsVisibleWithoutPathSeparators() {
        for (String bad : new String[]{"", "  ", "a/b", "a\\b", "x\ny", "x".repeat(201)}) {
            assertThrows(DomainException.class, () -> new Folder(library, null, bad, false, NOW), bad);
        }
        assertEquals("规章 制度", new Folder(library, null, "  规章 制度 ", false, NOW).getName());
    }
}
