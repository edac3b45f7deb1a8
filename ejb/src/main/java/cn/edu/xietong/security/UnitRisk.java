package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;

import java.util.List;

/**
 * One member of a unit and the risks the unit security check found for them (O3.4).
 *
 * @param risks message keys: {@code risk.passwordExpired}, {@code risk.passwordExpiring}, {@code risk.mustChange},
 *              {@code risk.noSecondFactor}, {@code risk.dormant}, {@code risk.neverLoggedIn}
 */
public record UnitRisk(Person person, List<String> risks) {
}
