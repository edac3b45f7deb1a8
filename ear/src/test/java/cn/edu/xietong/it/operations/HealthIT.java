package cn.edu.xietong.it.operations;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.5: /health tells monitoring, without a login, whether the database, the mail server and the virus scanner answer
 * (the status only, from checks cached for a few seconds); administrators get the details (SelfCheckPageIT).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @ArquillianResource
    private URL base;

    private HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/+$", "") + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The answer once the cached checks (at most {@code xietong.health.cacheSeconds}, 5) have been renewed. */
    private HttpResponse<String> healthAfterCache(int expectedStatus) throws Exception {
        HttpResponse<String> response = health();
        for (int i = 0; i < 40 && response.statusCode() != expectedStatus; i++) {
            Thread.sleep(250);
            response = health();
        }
        return response;
    }

    @Test
    void anonymousCallersGetTheStatusOnlyFromChecksCachedForAFewSeconds() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpResponse<String> up;
        try {
            up = healthAfterCache(200);
            assertEquals(200, up.statusCode(), up.body());
            assertEquals("{\"status\":\"UP\"}", up.body(), "nothing but the status for anonymous callers");
            assertEquals("no-store", up.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("nosniff", up.headers().firstValue("X-Content-Type-Options").orElse(""),
                    "the server-wide security headers are configured");
            assertEquals("SAMEORIGIN", up.headers().firstValue("X-Frame-Options").orElse(""));
        } finally {
            smtp.stop();
        }
        Instant stopped = Instant.now();
        HttpResponse<String> cached = health();
        if (Duration.between(stopped, Instant.now()).toSeconds() < 4) {
            assertEquals(200, cached.statusCode(), "checked moments ago: the cached answer, no new connection");
        }
        HttpResponse<String> down = healthAfterCache(503);
        assertEquals(503, down.statusCode(), down.body());
        assertEquals("DOWN", json(down).getString("status"));
        assertTrue(Duration.between(stopped, Instant.now()).toSeconds() <= 10, "renewed within the cache time");
    }
}
