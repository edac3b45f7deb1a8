package cn.edu.xietong.it.mail;

import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.mail.MailDispatch;
import cn.edu.xietong.mail.MailGateway;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * C2: the gateway's rules in the server. (Delivery into a real SMTP server is proven by MailGatewayPageIT, whose
 * GreenMail runs in the test JVM.) Here no SMTP server listens on the configured port.
 */
@ExtendWith(ArquillianExtension.class)
class MailGatewayIT {

    @EJB
    private MailGateway gateway;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    @Test
    void anInvalidRecipientIsRefusedAndNothingIsLogged() throws Exception {
        long before = data.count(MailDispatch.class);
        for (String bad : new String[]{"", "   ", "not-an-address", "a@b@c", "x".repeat(250) + "@a.cn"}) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> admin.call(() -> gateway.sendTestMail(bad, Locale.SIMPLIFIED_CHINESE)), bad);
            assertEquals("mail.recipient.invalid", refused.messageKey());
        }
        assertEquals(before, data.count(MailDispatch.class));
    }

    @Test
    void anUnreachableSmtpServerIsLoggedAsAFailedDispatchWithItsReason() throws Exception {
        MailDispatch dispatch = admin.call(() -> gateway.sendTestMail("wuting@demo.xietong.example", Locale.ENGLISH));
        assertEquals(MailDispatch.Outcome.FAILED, dispatch.getOutcome());
        assertNotNull(dispatch.getDetail());
        assertEquals("Xietong test mail", dispatch.getSubject());
        assertFalse(admin.call(() -> gateway.recentDispatches(5)).isEmpty());
    }

    @Test
    void staffCannotUseTheGateway() {
        assertThrows(EJBAccessException.class,
                () -> staff.call(() -> gateway.sendTestMail("wuting@demo.xietong.example", Locale.ENGLISH)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> gateway.settings()));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> gateway.recentDispatches(5)));
    }

    @Test
    void settingsShowWhereTheServerPointsTheGateway() throws Exception {
        var settings = admin.call(() -> gateway.settings());
        assertEquals(InetAddress.getByName(System.getProperty("xietong.smtp.host")), InetAddress.getByName(settings.host()));
        assertEquals(Integer.parseInt(System.getProperty("xietong.smtp.port")), settings.port());
    }
}
