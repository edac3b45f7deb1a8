package cn.edu.xietong.web.arch;

import cn.edu.xietong.directory.Person;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering, as the build checks it (ArchUnit over the EJB and web modules' classes): pages and servlets (web) call
 * services (EJBs), which hold the domain (entities, records, rules); nothing below the web knows Faces, PrimeFaces or
 * servlets; the web never reaches the database but through a service; and no two packages depend on each other,
 * however indirectly.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.edu.xietong");
    }

    @Test
    void nothingBelowTheWebKnowsTheWeb() {
        noClasses().that().resideOutsideOfPackage("cn.edu.xietong.web..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.edu.xietong.web..", "jakarta.faces..",
                        "org.primefaces..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theWebReachesTheDatabaseOnlyThroughServices() {
        noClasses().that().resideInAPackage("cn.edu.xietong.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..",
                        "javax.sql..")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("cn.edu.xietong.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Each area keeps its own data about a person (issue #12): the directory holds the identity, and knows nothing of
     * the security area's passwords, sessions and membership reviews or of presence, which are keyed by the person's
     * id in their own packages.
     */
    @Test
    void theDirectoryKnowsNeitherSecurityNorPresence() {
        noClasses().that().resideInAPackage("cn.edu.xietong.directory")
                .should().dependOnClassesThat().resideInAnyPackage("cn.edu.xietong.security..",
                        "cn.edu.xietong.presence..")
                .check(classes);
    }

    /** A person holds no password, session, presence or recertification state: those live with their areas. */
    @Test
    void aPersonHoldsOnlyTheDirectoryIdentity() {
        noFields().that().areDeclaredIn(Person.class)
                .should().haveNameMatching("(?i).*(password|session|seen|lastLogin|confirmed|leaver).*")
                .check(classes);
    }

    /** Services are named after what they keep or do (Worklists, FlowCommands, Directory), not "…Service". */
    @Test
    void servicesAreNamedAfterWhatTheyDo() {
        noClasses().that().areAnnotatedWith(jakarta.ejb.Stateless.class)
                .or().areAnnotatedWith(jakarta.ejb.Singleton.class)
                .should().haveSimpleNameEndingWith("Service")
                .check(classes);
    }
}
