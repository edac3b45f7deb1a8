package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A4 as two colleagues meet it: one starts a conversation with the person picker and writes; the other, with the chat
 * open, sees the message arrive without reloading the page, and sees the unread count arrive in the list; at phone
 * size the conversation fits the screen. A websocket opened by another site's page is closed at once (S3).
 */
class ChatLiveIT extends BrowserTest {

    private static final String PASSWORD = "Chat-Live-2026";

    @Test
    void aMessageArrivesInTheOtherPersonsOpenPageWithoutReload() throws Exception {
        String writer = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&name=聊天甲");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + writer);
        String reader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit
                + "&name=聊天乙");
        try (Browser a = Browser.open(base); Browser b = Browser.openPhone(base)) {
            a.logIn(writer, PASSWORD);
            a.go("/chat/chat.xhtml");
            a.pick("#start\\:with", reader, "聊天乙");
            a.click("#start\\:start-direct");
            new org.openqa.selenium.support.ui.WebDriverWait(a.driver(), java.time.Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().contains("c="));
            String conversation = a.driver().getCurrentUrl().replaceFirst(".*[?&]c=", "");

            b.logIn(reader, PASSWORD);
            b.go("/chat/chat.xhtml");
            awaitOpen(b);
            b.script("window.xtSamePage = 'still here';");

            a.type("#chat\\:text", "下午三点开会，会议室见");
            a.click("#chat\\:send");
            a.awaitText("#chat\\:lines", "下午三点开会");

            b.awaitText(".xt-chat-item[data-conversation='" + conversation + "'] .xt-badge", "1");
            assertEquals("still here", b.script("return window.xtSamePage;"), "the list was updated, not reloaded");

            b.click(".xt-chat-item[data-conversation='" + conversation + "']");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().endsWith("c=" + conversation));
            awaitOpen(b);
            b.script("window.xtSamePage = 'still here';");
            a.type("#chat\\:text", "收到请回复");
            a.click("#chat\\:send");
            b.awaitText("#chat\\:lines", "收到请回复");
            assertEquals("still here", b.script("return window.xtSamePage;"), "the message came into the open page");
            assertTrue(b.fitsWidth(), b.widths());
            b.screenshot("chat-phone");

            b.type("#chat\\:text", "好的");
            b.click("#chat\\:send");
            a.awaitText("#chat\\:lines", "好的");
            a.screenshot("chat-desktop");
            assertEquals(2, a.driver().findElements(By.cssSelector(".xt-chat-line.xt-mine")).size());
        }
    }

    private static void awaitOpen(Browser browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> "open".equals(d.findElement(By.id("chat-live")).getAttribute("data-state")));
    }

    @Test
    void aWebsocketOpenedByAnotherSitesPageIsClosedAtOnce() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(person, PASSWORD);
            String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            String url = base.toExternalForm().replaceFirst("^http", "ws").replaceAll("/+$", "") + "/chat/live";
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket.Listener listener = new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                    closed.complete(status);
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    closed.completeExceptionally(error);
                }
            };
            HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", "JSESSIONID=" + session)
                    .header("Origin", "http://evil.example").buildAsync(URI.create(url), listener)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1008, closed.get(10, TimeUnit.SECONDS), "policy violation: another site's page");
        }
    }
}
