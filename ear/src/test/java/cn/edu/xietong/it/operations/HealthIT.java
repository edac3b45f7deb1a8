package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Deployments;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** O2.5: /health tells monitoring, without a login, whether the database and the mail server answer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asShipped();
    }

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

    @Test
    void upWhenDatabaseAndSmtpServerAnswer() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpResponse<String> response = health();
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = json(response);
            assertEquals("UP", body.getString("status"));
            assertEquals("UP", body.getJsonObject("checks").getJsonObject("database").getString("status"));
            assertEquals("UP", body.getJsonObject("checks").getJsonObject("mail").getString("status"));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""),
                    "the server-wide security headers are configured");
            assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void downWithServiceUnavailableWhenTheSmtpServerIsGone() throws Exception {
        HttpResponse<String> response = health();
        assertEquals(503, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("DOWN", body.getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getJsonObject("database").getString("status"));
        assertEquals("DOWN", body.getJsonObject("checks").getJsonObject("mail").getString("status"));
    }
}
