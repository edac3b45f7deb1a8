package cn.edu.xietong.configuration;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;

/**
 * Reads a setting for any service (O2.1): the administrator's override in the {@code setting} table, else the system
 * property, else the default. Nothing is cached: each read is one look-up by primary key in the caller's transaction
 * (the entity is outside the shared cache), so a change made on any server of a cluster holds on every server from its
 * next read. The settings read here are read once per request or per job, never in a loop.
 */
@Stateless
@PermitAll
public class Settings {

    @PersistenceContext
    private EntityManager em;

    /** The value in force, as text. */
    public String text(Setting setting) {
        SettingOverride override = setting.runtime() ? em.find(SettingOverride.class, setting.property()) : null;
        if (override != null) {
            return override.getValue();
        }
        String property = setting.fromSystemProperty();
        return property != null ? property : setting.defaultValue();
    }

    /** The value in force of a number setting. */
    public long number(Setting setting) {
        return Long.parseLong(text(setting));
    }

    public int integer(Setting setting) {
        return Math.toIntExact(number(setting));
    }

    /** A number setting counted in seconds. */
    public Duration seconds(Setting setting) {
        return Duration.ofSeconds(number(setting));
    }
}
