package cn.edu.xietong.operations;

import cn.edu.xietong.files.VirusScanner;
import cn.edu.xietong.shared.StartupMode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks the database, the mail gateway's SMTP server and the virus scanner (O2.5). The web tier answers anonymous
 * callers with the overall status only and gives the checks' details to administrators.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthChecks {

    private static final int TIMEOUT_MILLIS = 2000;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/mail/Oa")
    private Session mail;

    public Health check() {
        Map<String, Health.Check> checks = new LinkedHashMap<>();
        checks.put("database", database());
        checks.put("mail", mail());
        checks.put("scanner", scanner());
        return new Health(checks);
    }

    /** Whether the database answers; the detail names the product. */
    public Health.Check database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_MILLIS / 1000)
                    ? new Health.Check(true, connection.getMetaData().getDatabaseProductName())
                    : new Health.Check(false, "connection not valid");
        } catch (SQLException e) {
            return new Health.Check(false, e.getClass().getSimpleName());
        }
    }

    /**
     * Whether the virus scanner uploads need answers (S1): outside demo mode a server without one refuses every upload,
     * so it is reported down; a demo server may run without one.
     */
    public Health.Check scanner() {
        return VirusScanner.configured()
                .map(scanner -> scanner.answers(TIMEOUT_MILLIS) ? new Health.Check(true, scanner.toString())
                        : new Health.Check(false, scanner + " does not answer"))
                .orElseGet(() -> StartupMode.demo() ? new Health.Check(true, "not configured (demo mode)")
                        : new Health.Check(false, "not configured: uploads are refused (-Dxietong.clamd.host)"));
    }

    /**
     * Whether the mail gateway's SMTP server answers: connects, expects its 220 greeting, sends nothing but QUIT.
     * The detail names host and port, and the reason when unreachable.
     */
    public Health.Check mail() {
        String host = mail.getProperty("mail.smtp.host");
        int port = Integer.parseInt(mail.getProperties().getProperty("mail.smtp.port", "25"));
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return greeting != null && greeting.startsWith("220")
                    ? new Health.Check(true, where)
                    : new Health.Check(false, where + " did not greet as an SMTP server");
        } catch (IOException | RuntimeException e) {
            return new Health.Check(false, where + " unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
