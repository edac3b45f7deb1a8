package cn.edu.xietong.it.documents;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Grantee;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.SamplePdf;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.search.Search;
import cn.edu.xietong.search.SearchResults;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents in full-text search (O3.5, S4): the text inside a library's PDF is found by a Chinese phrase by those who
 * may read the document and never counted for anyone else; a folder grant lets another unit find it and taking the
 * grant back takes it away again; a binned document is not found. The index follows the journal within seconds.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentSearchIT {

    private static final String PASSWORD = "DocSearch#2026x";

    @EJB
    private TestData data;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private Search search;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private record Team(Unit unit, Person it, Person staff, long library) {
    }

    private Team team() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        return new Team(unit, it, staff, AsPerson.call(it, () -> libraries.myUnitLibrary()));
    }

    /** A phrase no other test writes: a Chinese sentence with a random number in it. */
    private static String phrase() {
        return "实验室危险化学品管理办法第" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000) + "条";
    }

    /** Searches until the answer satisfies {@code until} (the index follows the journal within seconds). */
    private SearchResults await(Person who, String words, Predicate<SearchResults> until) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        SearchResults r = null;
        while (System.currentTimeMillis() < end) {
            r = AsPerson.call(who, () -> search.search(words, null, 0));
            if (!r.building() && until.test(r)) {
                return r;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no such answer for " + who.getLogin() + " / " + words + ": " + r);
    }

    private long uploadPdf(Team t, Long folder, String text) throws Exception {
        return AsPerson.call(t.it(), () -> documents.upload(t.library(), folder,
                "规章" + UUID.randomUUID().toString().substring(0, 6) + ".pdf",
                new ByteArrayInputStream(SamplePdf.chinese(text)), Level.INTERNAL, null));
    }

    @Test
    void aChinesePhraseInsideALibrarysPdfIsFoundByItsReadersAndNeverCountedForOthers() throws Exception {
        Team t = team();
        Team other = team();
        String text = phrase();
        long document = uploadPdf(t, null, text);
        SearchResults found = await(t.staff(), text, r -> r.total() == 1);
        assertEquals(document, found.hits().get(0).id());
        assertEquals("document", found.hits().get(0).kind());
        assertTrue(found.hits().get(0).snippetHtml().contains("<mark>"), found.hits().get(0).snippetHtml());
        assertEquals(1L, found.perKind().get("document"));
        SearchResults outsider = AsPerson.call(other.staff(), () -> search.search(text, null, 0));
        assertEquals(0, outsider.total(), "another unit's member finds nothing and counts nothing");
        assertTrue(outsider.perKind().getOrDefault("document", 0L) == 0L);
    }

    @Test
    void aFolderGrantLetsAnotherUnitFindItAndTakingItBackTakesItAway() throws Exception {
        Team t = team();
        Team other = team();
        long folder = AsPerson.call(t.it(), () -> libraries.createFolder(t.library(), null, "共享制度"));
        String text = phrase();
        uploadPdf(t, folder, text);
        await(t.staff(), text, r -> r.total() == 1);
        long grant = AsPerson.call(t.it(), () -> libraries.grant(t.library(), folder, null, Grantee.UNIT,
                other.unit().getId(), null, null, Access.READ));
        await(other.staff(), text, r -> r.total() == 1);
        AsPerson.run(t.it(), () -> libraries.revoke(grant));
        await(other.staff(), text, r -> r.total() == 0);
    }

    @Test
    void aBinnedDocumentIsNotFound() throws Exception {
        Team t = team();
        String text = phrase();
        long document = uploadPdf(t, null, text);
        await(t.staff(), text, r -> r.total() == 1);
        AsPerson.run(t.it(), () -> documents.bin(document));
        await(t.staff(), text, r -> r.total() == 0);
    }
}
