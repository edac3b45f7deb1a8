package cn.edu.xietong.configuration;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A setting's value as the system administrator changed it (O2.1): one row per changed setting, read by every server
 * on each use. Not in the shared cache ({@code ENABLE_SELECTIVE} without {@code @Cacheable(true)}), so a change made on
 * one server holds on the others from their next read.
 */
@Entity
@Table(name = "setting")
@Cacheable(false)
public class SettingOverride {

    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 500)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    protected SettingOverride() {
    }

    SettingOverride(Setting setting, String value, Instant at, String by) {
        this.name = setting.property();
        change(value, at, by);
    }

    void change(String value, Instant at, String by) {
        this.value = value;
        this.changedAt = at;
        this.changedBy = by;
    }

    public String getValue() {
        return value;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
