package cn.edu.xietong.it.web;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3: every response carries a Content-Security-Policy that keeps scripts, plugins, framing and form posts to this
 * site, and pages a script policy with a fresh nonce; over HTTPS the browser is told to stay on HTTPS (HSTS) and the session cookie is Secure, over plain HTTP
 * neither.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    @ArquillianResource
    private URL base;

    private HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String http(String path) {
        return base.toExternalForm().replaceAll("/+$", "") + path;
    }

    private static List<String> policies(HttpResponse<String> response) {
        return response.headers().allValues("Content-Security-Policy");
    }

    @Test
    void everyResponseCarriesAContentSecurityPolicyThatKeepsScriptsPluginsAndFramingToThisSite() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/login.xhtml", "/health", "/jakarta.faces.resource/xietong.css.xhtml?ln=xietong")) {
            HttpResponse<String> response = get(client, http(path));
            String policy = String.join(" ; ", policies(response));
            assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                    && policy.contains("object-src 'none'") && policy.contains("frame-ancestors 'self'")
                    && policy.contains("form-action 'self'"), path + ": " + policy);
            assertTrue(response.headers().allValues("Strict-Transport-Security").isEmpty(),
                    "no HSTS over plain HTTP");
            if (path.endsWith("login.xhtml")) {
                String nonce = policy.replaceAll(".*script-src 'self' 'nonce-([^']+)'.*", "$1");
                assertFalse(nonce.equals(policy), "a page has a script policy with a nonce: " + policy);
                assertTrue(response.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry it");
                assertFalse(String.join(" ", policies(get(client, http(path)))).contains(nonce),
                        "a fresh nonce for every response");
            }
            assertTrue(response.headers().allValues("Set-Cookie").stream()
                            .noneMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("; secure")),
                    "over plain HTTP a Secure cookie would never come back");
        }
    }

    @Test
    void overHttpsTheBrowserIsToldToStayOnHttpsAndTheSessionCookieIsSecure() throws Exception {
        SSLContext trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheTestCertificate).build();
        int port = 8443 + Integer.getInteger("it.port.offset", 100);
        HttpResponse<String> response = get(client, "https://localhost:" + port + "/login.xhtml");
        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"),
                response.headers().map().toString());
        String session = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElse("");
        String attributes = session.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; secure") && attributes.contains("httponly"), "the session cookie: " + session);
    }
}
