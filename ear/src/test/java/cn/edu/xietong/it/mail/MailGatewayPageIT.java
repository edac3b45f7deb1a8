package cn.edu.xietong.it.mail;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.setup.DemoUniversity;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C2: the administrator's test mail leaves through the server's mail session {@code java:jboss/mail/Oa} and arrives
 * in GreenMail, a real SMTP server listening where the test server's gateway points.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class MailGatewayPageIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @ArquillianResource
    private URL base;

    @Test
    void administratorsTestMailArrivesInChinese() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-mail");
            assertEquals("邮件网关", browser.text("h1.xt-title"));
            assertEquals(String.valueOf(SMTP.getSmtp().getPort()), browser.text("#smtp-port"));
            assertTrue(browser.text("#smtp-reachable").startsWith("可连接"), browser.text("#smtp-reachable"));

            browser.type("#test\\:recipient", "shenyue@demo.xietong.example");
            browser.click("#test\\:send");
            assertEquals("测试邮件已发送至 shenyue@demo.xietong.example。",
                    browser.awaitText("#messages", "测试邮件已发送"));
            assertTrue(browser.awaitText("#test\\:dispatches", "已发送").contains("shenyue@demo.xietong.example"));
            browser.screenshot("mail-gateway-zh");
        }
        MimeMessage mail = mailTo("shenyue@demo.xietong.example");
        assertEquals("协同办公系统测试邮件", mail.getSubject());
        assertEquals("shenyue@demo.xietong.example", mail.getAllRecipients()[0].toString());
        String body = (String) mail.getContent();
        assertTrue(body.contains("发送人：caoyu"), body);
    }

    @Test
    void anInvalidAddressIsRefusedOnThePageAndNothingIsSent() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/mail.xhtml");
            browser.switchToEnglish();
            browser.type("#test\\:recipient", "not an address");
            browser.click("#test\\:send");
            assertEquals("The recipient is not a valid e-mail address.",
                    browser.awaitText("#messages", "not a valid"));
        }
        assertEquals(0, Stream.of(SMTP.getReceivedMessages()).filter(m -> subject(m).contains("测试邮件")).count(),
                "no test mail left (the outbox may still deliver other tests' notifications here)");
    }

    /**
     * The one mail this test sent to the address: the SMTP server also takes the notifications the outbox still
     * delivers for other tests' flows (the database outlives a deployment), so the mail is found by its recipient.
     */
    private static MimeMessage mailTo(String address) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                if (address.equals(mail.getAllRecipients()[0].toString())) {
                    return mail;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address);
    }

    private static String subject(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
