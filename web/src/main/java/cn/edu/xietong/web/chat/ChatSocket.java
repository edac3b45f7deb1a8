package cn.edu.xietong.web.chat;

import cn.edu.xietong.chat.ChatPulse;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * {@code /chat/live}: the websocket an open page of a logged-in person holds (A4). It only ever sends, as
 * {@code {"conversation":id}}, that a conversation the person is in has a new message; the page then asks for it
 * through its own request, with the person's rights. A handshake without a login, or from a page of another site
 * (its Origin is not this server's), is closed at once (S3).
 */
@ServerEndpoint(value = "/chat/live", configurator = ChatSocket.Handshake.class)
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final String LISTENER = "xietong.chat.listener";

    @OnOpen
    public void open(Session session) throws IOException {
        Principal user = session.getUserPrincipal();
        if (user == null || !Boolean.TRUE.equals(session.getUserProperties().get(Handshake.SAME_ORIGIN))) {
            LOG.warning(() -> "refused 403 /chat/live for " + (user == null ? "nobody" : user.getName())
                    + ": no login or another site's page");
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "refused"));
            return;
        }
        LongConsumer listener = conversation -> {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText("{\"conversation\":" + conversation + "}");
            }
        };
        session.getUserProperties().put(LISTENER, listener);
        pulse().listen(user.getName(), listener);
    }

    @OnClose
    public void close(Session session) {
        Object listener = session.getUserProperties().get(LISTENER);
        if (listener != null && session.getUserPrincipal() != null) {
            pulse().stop(session.getUserPrincipal().getName(), (LongConsumer) listener);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        close(session);
    }

    /** The EJB tier's pulse (looked up: Undertow does not inject EJBs into endpoints). */
    private static ChatPulse pulse() {
        return CDI.current().select(ChatPulse.class).get();
    }

    /** Notes whether the handshake came from a page of this server (Origin matching Host), against cross-site use. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        static final String SAME_ORIGIN = "xietong.chat.sameOrigin";

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                    HandshakeResponse response) {
            config.getUserProperties().put(SAME_ORIGIN, sameOrigin(request.getHeaders()));
        }

        static boolean sameOrigin(Map<String, List<String>> headers) {
            String origin = first(headers, "Origin");
            String host = first(headers, "Host");
            if (origin == null || host == null) {
                return false;
            }
            try {
                URI uri = URI.create(origin);
                String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                return host.equalsIgnoreCase(authority);
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }

        private static String first(Map<String, List<String>> headers, String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }
}
