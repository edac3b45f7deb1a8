package cn.edu.xietong.configuration;

import java.io.Serializable;
import java.time.Instant;

/**
 * A setting as the administrator's page lists it: the value in force, where it comes from, who changed it here and
 * when (null unless {@link Source#CHANGED_HERE}), and for a run-time setting the range a change must keep.
 */
public record SettingLine(String property, String messageKey, String value, Source source, boolean runtime,
                          Setting.Type type, long min, long max, Instant changedAt, String changedBy)
        implements Serializable {

    /** Where a setting's value comes from. */
    public enum Source {
        DEFAULT, SYSTEM_PROPERTY, CHANGED_HERE
    }
}
