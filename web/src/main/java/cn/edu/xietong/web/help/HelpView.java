package cn.edu.xietong.web.help;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The in-app help (O2.4): the user guide the build copies into the web archive, rendered once, and the section each
 * page's help link in the top bar leads to.
 */
@Named("help")
@ApplicationScoped
public class HelpView {

    static final String GUIDE = "/WEB-INF/help/user-guide.md";
    private static final String HELP_PAGE = "/help.xhtml";

    private volatile String html;

    /** The guide as HTML (escaped and sanitised by {@link UserGuide}). */
    public String getHtml() {
        if (html == null) {
            try (InputStream guide = FacesContext.getCurrentInstance().getExternalContext().getResourceAsStream(GUIDE)) {
                if (guide == null) {
                    throw new IllegalStateException(GUIDE + " is missing from the web archive");
                }
                html = UserGuide.render(new String(guide.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return html;
    }

    /** The anchor of the current page's section; none on the help page itself, whose link leads to the guide's top. */
    public String getAnchor() {
        String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return HELP_PAGE.equals(view) ? null : UserGuide.anchorOf(view);
    }
}
