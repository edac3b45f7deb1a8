package cn.edu.xietong.web.account;

import cn.edu.xietong.mail.Delivery;
import cn.edu.xietong.mail.MailLanguage;
import cn.edu.xietong.mail.MailPreferences;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs account/email.xhtml (C2): which notifications also reach the caller's e-mail, at once or in the daily digest,
 * and in which language. The kinds are those the modules declare; the service keeps the choices.
 */
@Named
@ViewScoped
public class EmailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MailPreferences preferences;

    @Inject
    private Messages messages;

    private MailPreferences.Choices choices;
    private final Map<String, String> deliveries = new HashMap<>();
    private String language;

    @PostConstruct
    void load() {
        show(preferences.mine());
    }

    public void save() {
        Map<String, Delivery> chosen = new LinkedHashMap<>();
        deliveries.forEach((code, delivery) -> chosen.put(code, Delivery.valueOf(delivery)));
        messages.attempt(() -> show(preferences.save(MailLanguage.valueOf(language), chosen)), "email.saved");
    }

    private void show(MailPreferences.Choices loaded) {
        choices = loaded;
        language = loaded.language().name();
        deliveries.clear();
        loaded.choices().forEach(c -> deliveries.put(c.code(), c.delivery().name()));
    }

    public List<MailPreferences.Choice> getChoices() {
        return choices.choices();
    }

    public String getAddress() {
        return choices.address();
    }

    public Delivery[] getDeliveryOptions() {
        return Delivery.values();
    }

    public MailLanguage[] getLanguages() {
        return MailLanguage.values();
    }

    public Map<String, String> getDeliveries() {
        return deliveries;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
