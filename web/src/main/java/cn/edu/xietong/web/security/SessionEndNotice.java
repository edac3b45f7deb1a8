package cn.edu.xietong.web.security;

import cn.edu.xietong.security.SessionEnd;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;

/**
 * Backs the login page's notice of why a session ended ({@code ?ended=…}, set by {@link SessionCheckFilter}): only a
 * known reason shows, never text taken from the address.
 */
@Named
@RequestScoped
public class SessionEndNotice {

    @Inject
    private HttpServletRequest request;

    /** The message key of the reason, or {@code null}. */
    public String getMessageKey() {
        String ended = request.getParameter("ended");
        return Arrays.stream(SessionEnd.values()).filter(e -> e != SessionEnd.REPLACED && e.name().equals(ended))
                .findFirst().map(e -> "login.sessionEnded." + e.name()).orElse(null);
    }
}
