package cn.edu.xietong.web.shared;

import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Answers what a page could not do in the one way the regulation asks (S3): a refusal by a service (the caller may
 * not see or do this) is HTTP 403 with the translated page and one WARN line; a parameter that names nothing is 404,
 * a malformed one 400; a rule that finds nothing to show ({@link DomainException} while a page loads) is 404. The same
 * answer for "does not exist" and "not yours" is the services' to give (they refuse both alike). Within an Ajax
 * request the refusal is shown as a message on the page instead. Anything else is left to the container's error page.
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(RefusalExceptionHandler.class.getName());

    public RefusalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
             events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            Optional<Integer> status = statusFor(thrown);
            if (status.isEmpty()) {
                continue;
            }
            events.remove();
            Throwable cause = rootOf(thrown);
            ExternalContext external = faces.getExternalContext();
            LOG.warning(() -> "refused " + status.get() + " " + external.getRequestServletPath()
                    + " for " + Optional.ofNullable(external.getRemoteUser()).orElse("anonymous") + ": "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            if (faces.getPartialViewContext().isAjaxRequest()) {
                String key = status.get() == 403 ? "error.forbidden" : "error.notfound";
                ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, faces.getViewRoot().getLocale());
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle.getString(key), null));
                faces.getPartialViewContext().getRenderIds().add("messages");
                faces.renderResponse();
            } else {
                try {
                    external.responseSendError(status.get(), null);
                } catch (IOException | IllegalStateException e) {
                    LOG.fine(() -> "could not answer " + status.get() + ": " + e);
                }
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    /** The status a failure answers, if it is a refusal or a request that names nothing. */
    static Optional<Integer> statusFor(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return Optional.of(403);
            }
            if (t instanceof PageRequest request) {
                return Optional.of(request.status());
            }
            if (t instanceof DomainException) {
                return Optional.of(404);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof FacesException || t.getClass().getName().startsWith("jakarta.el."))
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
