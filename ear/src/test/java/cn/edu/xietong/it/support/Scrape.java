package cn.edu.xietong.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server's metrics as Prometheus scrapes them (O2.5), from inside the server (its management port). */
public final class Scrape {

    private Scrape() {
    }

    public static HttpResponse<String> metrics() throws Exception {
        int port = 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample of the meter whose labels include {@code label}; -1 when there is none. */
    public static double sample(String body, String meter, String label) {
        Matcher m = Pattern.compile("(?m)^" + meter + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(body);
        while (m.find()) {
            if (label == null || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    /** A counter's value, 0 when it has not counted yet. */
    public static double counter(String meter, String... labels) throws Exception {
        String body = metrics().body();
        Matcher m = Pattern.compile("(?m)^" + meter + "\\{([^}]*)\\} (\\S+)$").matcher(body);
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1).contains(label);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
