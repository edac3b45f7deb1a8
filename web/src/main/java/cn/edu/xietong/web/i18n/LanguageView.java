package cn.edu.xietong.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Cookie;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language of the pages. Chinese unless the person chose English, whatever the browser asks for: Xietong's
 * users read Chinese. The choice outlives logout in a cookie.
 */
@Named("language")
@SessionScoped
public class LanguageView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "xietong-lang";
    private static final Map<String, Locale> SUPPORTED = Map.of("zh", Locale.SIMPLIFIED_CHINESE, "en", Locale.ENGLISH);

    private Locale locale;

    /** The current request, also outside Faces (downloads such as the approval sheet). */
    @Inject
    private HttpServletRequest request;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromCookie();
        }
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    /** Switches the language ("zh" or "en") and reloads the current page in it. */
    public void switchTo(String language) throws IOException {
        Locale chosen = SUPPORTED.get(language);
        if (chosen == null) {
            return;
        }
        locale = chosen;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(chosen);
        ExternalContext external = faces.getExternalContext();
        external.addResponseCookie(COOKIE, language, Map.of("maxAge", 365 * 24 * 3600, "path",
                external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(), "httpOnly", true));
        // the page again, with the parameters it was opened with: those in the request and the page's own view
        // parameters, which a postback's request does not carry
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        external.getRequestParameterValuesMap().forEach((name, values) -> {
            if (!name.startsWith("jakarta.faces.") && !name.startsWith("primefaces.") && !name.contains(":")
                    && !isFormField(faces, name)) {
                parameters.put(name, List.of(values));
            }
        });
        external.redirect(faces.getApplication().getViewHandler().getRedirectURL(faces,
                faces.getViewRoot().getViewId(), parameters, true));
    }

    /** The language chosen before, from the cookie of this request (a page's or a download's). */
    private Locale fromCookie() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Cookie[] cookies = faces != null ? faces.getExternalContext().getRequestCookieMap().values().stream()
                .filter(Cookie.class::isInstance).toArray(Cookie[]::new) : request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (COOKIE.equals(cookie.getName()) && SUPPORTED.containsKey(cookie.getValue())) {
                return SUPPORTED.get(cookie.getValue());
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** Whether a request parameter is a form's own field (a postback's form id or its fields), not the page's. */
    private static boolean isFormField(FacesContext faces, String name) {
        return faces.getViewRoot().findComponent(name) != null;
    }
}
