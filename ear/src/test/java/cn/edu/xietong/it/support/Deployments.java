package cn.edu.xietong.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import org.jboss.arquillian.container.test.api.RunAsClient;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way tests deploy Xietong: the EAR the build just packaged, exactly as it ships, with the in-container test
 * classes added to its web module, where Arquillian's servlet runs them and from where every EJB module is visible.
 * The integration tests share one such deployment for the whole run ({@link #suite()}, {@link SuiteDeployment}).
 */
public final class Deployments {

    private static final String WEB_MODULE = "xietong-web.war";

    private Deployments() {
    }

    /**
     * The suite's deployment ({@link SuiteDeployment}): the shipped EAR with every in-container test class under
     * {@code cn.edu.xietong.it} and this support package (the test fixtures, {@link FixtureServlet}, among them).
     * Client tests ({@code @RunAsClient}: browser and HTTP tests) run outside the server and stay out of it; the
     * fixtures servlet they call answers only under {@code /it-fixtures/}, so every other path behaves as shipped.
     */
    public static EnterpriseArchive suite() {
        return withTests(inContainerTests().toArray(Class<?>[]::new));
    }

    /** The shipped EAR, unchanged. */
    public static EnterpriseArchive asShipped() {
        File ear = new File(System.getProperty("xietong.ear", "target/xietong.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException(ear + " does not exist: run the tests through Maven (package first)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The shipped EAR with the given test classes (and this support package) inside its web module. */
    public static EnterpriseArchive withTests(Class<?>... testClasses) {
        EnterpriseArchive ear = asShipped();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses).addPackage(Deployments.class.getPackage())
                // AsPerson uses WildFly's Elytron API, which a deployment only sees when it asks for it; the restore
                // test opens a restored database with the server's own JDBC drivers
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron,"
                        + " com.h2database.h2, org.postgresql optional\n"));
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        return ear;
    }

    /** The top-level test classes (and their helpers) under cn.edu.xietong.it outside this package, less client tests. */
    private static List<Class<?>> inContainerTests() {
        Path root;
        try {
            root = Path.of(Deployments.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path tests = root.resolve("cn/edu/xietong/it");
        Path support = root.resolve(Deployments.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .filter(f -> !f.getParent().equals(support))
                    .<Class<?>>map(f -> load(root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")))
                    .filter(c -> !c.isAnnotationPresent(RunAsClient.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
