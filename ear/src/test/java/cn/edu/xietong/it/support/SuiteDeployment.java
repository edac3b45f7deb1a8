package cn.edu.xietong.it.support;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.util.ArrayList;
import java.util.List;

/**
 * One deployment for the whole test run: the shipped EAR with every in-container test class and this support package
 * ({@link Deployments#suite()}), deployed when the first test class needs it and left deployed for all the others.
 * <p>
 * Arquillian by itself deploys for each test class and undeploys after it; with a 61 MB EAR that cost 15–20 s a class
 * (re-zipping the EAR on the client, uploading it, then WildFly indexing every library jar and starting JPA, Weld,
 * Faces and the startup singletons again), more than half of the suite's time. This client-side extension (registered
 * in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}) steps into three of Arquillian's
 * class-level events:
 * <ul>
 *     <li>{@link GenerateDeployment}: a test class without a {@code @Deployment} method of its own gets the suite's
 *     deployment scenario, built once from {@link #deployment()};</li>
 *     <li>{@link DeployManagedDeployments}: the suite's EAR is deployed only if it is not on the server already;</li>
 *     <li>{@link UnDeployManagedDeployments}: the suite's EAR stays deployed after each class (the server is stopped
 *     with it at the end of the run, and its next start begins from a clean copy).</li>
 * </ul>
 * A class that declares its own {@code @Deployment} (the benchmarks, or a test that truly needs another archive) is
 * left to Arquillian's default: the suite's EAR, which has the same name and context root, is undeployed first and
 * deployed again for the next class that uses it.
 * <p>
 * What this asks of the tests: they share one running application (they always shared the database), so a test that
 * changes something global — the office clock, login rules, a setting — puts it back when it ends.
 * The arquillian-suite-extension ({@code org.eu.ingwar.tools}, 1.2.2 on Maven Central) does the same job, but it
 * finds its deployment class by classpath scanning (Reflections 0.9, with Guava; reported not to find it with
 * Arquillian 1.10 and WildFly 38, its issue #76) and gives every class the suite's deployment, the benchmarks too.
 */
public final class SuiteDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Deployer.class);
    }

    /** The suite's deployment, read by Arquillian like any test class's. */
    @org.jboss.arquillian.container.test.api.Deployment
    static EnterpriseArchive deployment() {
        return Deployments.suite();
    }

    /** The observer: one per test run (Arquillian's manager lives as long as the test JVM's run). */
    public static final class Deployer {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Event<GenerateDeployment> generate;

        @Inject
        private Event<UnDeployDeployment> undeploy;

        @Inject
        private Instance<ContainerRegistry> containers;

        /** The suite's scenario, generated for the first class that uses it. */
        private DeploymentScenario suite;

        /** Whether the suite's EAR is on the server now. */
        private boolean deployed;

        public void generate(@Observes EventContext<GenerateDeployment> context) {
            Class<?> testClass = context.getEvent().getTestClass().getJavaClass();
            if (testClass == SuiteDeployment.class) {
                context.proceed(); // the suite's own generation, fired below
            } else if (declaresDeployment(testClass)) {
                takeSuiteOff();
                context.proceed();
            } else if (suite == null) {
                generate.fire(new GenerateDeployment(new TestClass(SuiteDeployment.class)));
                suite = scenario.get();
            } else {
                scenario.set(suite);
            }
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
            if (!usesSuite()) {
                context.proceed();
            } else if (!deployed) {
                context.proceed();
                deployed = true;
            }
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> context) {
            if (!usesSuite()) {
                context.proceed();
            }
        }

        private boolean usesSuite() {
            return suite != null && scenario.get() == suite;
        }

        private void takeSuiteOff() {
            if (!deployed) {
                return;
            }
            List<Deployment> onServer = new ArrayList<>(suite.deployedDeploymentsInUnDeployOrder());
            for (Deployment deployment : onServer) {
                undeploy.fire(new UnDeployDeployment(
                        containers.get().getContainer(deployment.getDescription().getTarget()), deployment));
            }
            deployed = false;
        }

        private static boolean declaresDeployment(Class<?> testClass) {
            for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
                for (var method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(org.jboss.arquillian.container.test.api.Deployment.class)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
