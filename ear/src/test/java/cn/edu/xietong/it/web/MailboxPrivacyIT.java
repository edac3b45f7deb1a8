package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A4, S3: a mailbox and a conversation are their owners'. Through every URL that names a mail or a conversation —
 * reading, downloading its file, replying, forwarding, resuming it as a draft, the chat and its file — another
 * member of staff and each of the three administrators get 403 and none of its content; the recipient gets it.
 */
class MailboxPrivacyIT extends BrowserTest {

    private static final String PASSWORD = "Privacy-Test-2026";

    @Test
    void everyUrlOfSomeoneElsesMailOrConversationIsRefusedAdministratorsIncluded() throws Exception {
        String sender = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String recipient = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String[] mail = FixtureServlet.call(base, "/mail-with-file?from=" + sender + "&to=" + recipient).split(" ");
        String[] chat = FixtureServlet.call(base, "/chat-with-file?from=" + sender + "&to=" + recipient).split(" ");
        List<String> urls = List.of("/mail/read.xhtml?mail=" + mail[0],
                "/mail/file?mail=" + mail[0] + "&file=" + mail[1],
                "/mail/compose.xhtml?reply=" + mail[0] + "&all=true",
                "/mail/compose.xhtml?forward=" + mail[0],
                "/mail/compose.xhtml?draft=" + mail[0],
                "/chat/chat.xhtml?c=" + chat[0],
                "/chat/file?id=" + chat[0] + "&file=" + chat[1]);

        for (String role : List.of("STAFF", "SYS_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
            String other = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=" + role);
            try (Browser browser = Browser.open(base)) {
                browser.logIn(other, PASSWORD);
                for (String url : urls) {
                    HttpResponse<byte[]> answer = fetch(browser, url);
                    String body = new String(answer.body(), StandardCharsets.UTF_8);
                    assertEquals(403, answer.statusCode(), role + " " + url);
                    assertFalse(body.contains("带附件的邮件") || body.contains("正文") || body.contains("私聊内容"),
                            role + " " + url + " shows content");
                }
            }
        }

        try (Browser browser = Browser.open(base)) {
            browser.logIn(recipient, PASSWORD);
            assertEquals(200, fetch(browser, urls.get(0)).statusCode());
            assertEquals(200, fetch(browser, urls.get(1)).statusCode());
            assertEquals(200, fetch(browser, urls.get(5)).statusCode());
            assertEquals(200, fetch(browser, urls.get(6)).statusCode());
        }
    }
}
