package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.PersonCandidate;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The person picker's converter (A5): a person is their login name. What the picker submits is the login of the
 * chosen candidate, or the text typed without choosing; either is resolved by the directory ({@link
 * PeopleFinder#named}): exactly one active person, or an error — "not found", or, when several people bear the typed
 * name, "ambiguous, choose one" — never a silent guess. A forged login finds nobody.
 */
@Named("personConverter")
@ApplicationScoped
public class PersonConverter implements Converter<String> {

    @EJB
    private PeopleFinder finder;

    @Inject
    private Messages messages;

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String submitted) {
        if (submitted == null || submitted.isBlank()) {
            return null;
        }
        String typed = submitted.strip();
        List<PersonCandidate> named = finder.named(typed);
        if (named.size() == 1) {
            return named.get(0).login();
        }
        String problem = named.isEmpty() ? messages.text("picker.notFound", typed)
                : messages.text("picker.ambiguous", typed, named.size());
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, problem, problem));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String login) {
        return login == null ? "" : login;
    }
}
