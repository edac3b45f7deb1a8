package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;

/**
 * One part of an item's audience as a page shows it: the whole school, a unit or a person by name, or a role (the
 * page words it).
 *
 * @param name  the unit's or person's name; {@code null} for the school and a role
 * @param login a person's login (for the person picker); {@code null} otherwise
 */
public record AudienceLine(AudienceTarget target, Long id, Role role, Bilingual name, String login)
        implements Serializable {
}
