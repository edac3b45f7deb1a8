package cn.edu.xietong.security;

import cn.edu.xietong.directory.Role;

import java.util.Set;

/** Who a successful credential check proved the caller to be: the login name and the roles as security groups. */
public record AuthenticatedCaller(String login, Set<Role> roles) {

    public AuthenticatedCaller {
        roles = Set.copyOf(roles);
    }
}
