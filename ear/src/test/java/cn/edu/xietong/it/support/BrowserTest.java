package cn.edu.xietong.it.support;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every browser test shares: it runs as a client of the suite's deployment ({@link SuiteDeployment}: the shipped
 * EAR with the test fixtures, {@link FixtureServlet}) and opens its browsers on the deployment's URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
public abstract class BrowserTest {

    @ArquillianResource
    protected URL base;

    /** Fetches a path of the deployment in the browser's session (downloads the browser would save). */
    protected HttpResponse<byte[]> fetch(Browser browser, String path) throws IOException, InterruptedException {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toExternalForm().replaceAll("/+$", "") + path))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens the leave request (请假申请) from the flow catalogue and fills in its required fields. */
    protected static void fillLeaveRequest(Browser browser, String title, String kind, String from, String to,
                                           String days, String reason) {
        browser.click("#menu\\:menu-flow-start");
        browser.click("a.xt-flow-card[href*='design=']");
        assertEquals("请假申请", browser.text("h1.xt-title"));
        browser.type("#start\\:title", title);
        browser.select("[data-field='kind']", kind);
        browser.setValue("[data-field='period.from']", from);
        browser.setValue("[data-field='period.to']", to);
        browser.type("[data-field='days']", days);
        browser.type("[data-field='reason']", reason);
    }
}
