package cn.edu.xietong.mail;

import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.time.LocalTime;
import java.util.logging.Logger;

/**
 * Runs the outbox on every server (C2): every 15 seconds it sends what is due (mails the after-commit hand-over
 * missed, and retries), and once a day ({@code -Dxietong.mail.digestAt}, 18:00 campus time) it gathers each person's
 * held notifications into their digest. Servers running it at once do not double up: the sender claims each row.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxTimer {

    private static final Logger LOG = Logger.getLogger(OutboxTimer.class.getName());

    @EJB
    private OutboxSender sender;

    @EJB
    private OfficeClock clock;

    @Resource
    private TimerService timers;

    @PostConstruct
    void scheduleDigest() {
        LocalTime at = LocalTime.parse(System.getProperty("xietong.mail.digestAt", "18:00"));
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone(Campus.zone().getId()), new TimerConfig("mail digest", false));
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "mail outbox")
    void send() {
        int sent = sender.sendDue();
        if (sent > 0) {
            LOG.fine(() -> "outbox: sent " + sent + " mails");
        }
    }

    @Timeout
    void digest() {
        int made = sender.gatherDigests(clock.now());
        LOG.info(() -> "mail digest: " + made + " digests");
        sender.sendDue();
    }
}
