package cn.edu.xietong.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The one way tests deploy Xietong: the EAR the build just packaged, exactly as it ships. In-container tests add
 * their classes to its web module, where Arquillian's servlet runs them and from where every EJB module is visible.
 */
public final class Deployments {

    private static final String WEB_MODULE = "xietong-web.war";

    private Deployments() {
    }

    /** The shipped EAR, for tests that run as a client (browser, HTTP). */
    public static EnterpriseArchive asShipped() {
        File ear = new File(System.getProperty("xietong.ear", "target/xietong.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException(ear + " does not exist: run the tests through Maven (package first)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The shipped EAR with the test fixtures, for browser tests that prepare their own data ({@link FixtureServlet}). */
    public static EnterpriseArchive withFixtures() {
        return withTests(FixtureServlet.class);
    }

    /** The shipped EAR with the given test classes (and this support package) inside its web module. */
    public static EnterpriseArchive withTests(Class<?>... testClasses) {
        EnterpriseArchive ear = asShipped();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses).addPackage(Deployments.class.getPackage())
                // AsPerson uses WildFly's Elytron API, which a deployment only sees when it asks for it.
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron\n"));
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        return ear;
    }
}
