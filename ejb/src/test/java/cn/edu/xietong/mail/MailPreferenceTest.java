package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Module;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** C2: a person's choice of what reaches their e-mail, and the defaults of who never chose. */
class MailPreferenceTest {

    private final MailKind todo = new MailKind(Module.FLOWS, "TODO", Delivery.IMMEDIATE, "b", "/x?id={0}");
    private final MailKind copy = new MailKind(Module.FLOWS, "COPY", Delivery.NONE, "b", "/x?id={0}");
    private final MailKind urge = new MailKind(Module.FLOWS, "URGE", Delivery.IMMEDIATE, "b", "/x?id={0}");

    @Test
    void whoNeverChoseHasTheKindsDefaults() {
        assertEquals(Delivery.IMMEDIATE, MailPreferences.delivery(null, todo));
        assertEquals(Delivery.NONE, MailPreferences.delivery(null, copy));
    }

    @Test
    void aChoiceReplacesTheDefaultsAndAKindLeftOutIsNotMailed() {
        MailPreference preference = new MailPreference(7);
        Map<String, Delivery> chosen = new LinkedHashMap<>();
        chosen.put("FLOWS.TODO", Delivery.NONE);
        chosen.put("FLOWS.COPY", Delivery.DIGEST);
        preference.choose(MailLanguage.EN, chosen);
        assertEquals(Delivery.NONE, MailPreferences.delivery(preference, todo));
        assertEquals(Delivery.DIGEST, MailPreferences.delivery(preference, copy));
        assertEquals(Delivery.NONE, MailPreferences.delivery(preference, urge));
        assertEquals(MailLanguage.EN, preference.getLanguage());
    }
}
