package cn.edu.xietong.shared;

import java.time.ZoneId;

/** Where the university is: its time zone ({@code -Dxietong.timezone}, default Asia/Shanghai) for every date shown. */
public final class Campus {

    private static final ZoneId ZONE = ZoneId.of(System.getProperty("xietong.timezone", "Asia/Shanghai"));

    private Campus() {
    }

    public static ZoneId zone() {
        return ZONE;
    }
}
