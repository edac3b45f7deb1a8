package cn.edu.xietong.web.shared;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Faces messages from the resource bundle, in the language of the current view. */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "cn.edu.xietong.web.i18n.messages";

    @Inject
    private FacesContext faces;

    public String text(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
        try {
            String pattern = bundle.getString(key);
            // names kept in both languages read in the page's language
            Object[] read = Arrays.stream(arguments).map(a -> a instanceof Bilingual name ? name.in(bundle.getLocale())
                    : a).toArray();
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(read);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /** Shows a rule's refusal in the user's language. */
    public void error(DomainException refusal) {
        error(refusal.messageKey(), refusal.arguments());
    }

    /**
     * Runs a service call: on success shows {@code doneKey}, when the service refuses the input or a rule refuses the
     * action shows each problem in the user's language. Returns whether the call succeeded.
     */
    public boolean attempt(Runnable action, String doneKey) {
        try {
            action.run();
            info(doneKey);
            return true;
        } catch (InvalidInputException refused) {
            if (refused.problems().size() == 1) {
                error(refused); // keeps the problem's arguments
            } else {
                refused.problems().forEach(this::error);
            }
            return false;
        } catch (DomainException refused) {
            error(refused);
            return false;
        }
    }

    /** Keeps the messages across a redirect (post-redirect-get). */
    public void keepForRedirect() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    private void add(FacesMessage.Severity severity, String key, Object... arguments) {
        String summary = text(key, arguments);
        faces.addMessage(null, new FacesMessage(severity, summary, null));
    }
}
