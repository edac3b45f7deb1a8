package cn.edu.xietong.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles the web module knows. Which pages need which role is in web.xml; how people log in: {@link FormLoginMechanism}. */
@DeclareRoles({"STAFF", "UNIT_LEADER", "SCHOOL_LEADER", "UNIT_IT", "SUPERVISOR", "SYS_ADMIN", "BATCH_OPERATOR",
        "SECURITY_ADMIN", "AUDIT_ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {
}
