package cn.edu.xietong.web.shared;

import cn.edu.xietong.shared.Campus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.TimeZone;

/** Formatting settings the pages share: times are shown in the campus time zone. */
@Named
@ApplicationScoped
public class Formats {

    public TimeZone getTimeZone() {
        return TimeZone.getTimeZone(Campus.zone());
    }
}
