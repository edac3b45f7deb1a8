package cn.edu.xietong.it.support;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

import java.util.concurrent.Callable;

/** Runs test code as a caller holding SECURITY_ADMIN only, so tests meet the services' own rights checks (S3). */
@Stateless
@RunAs("SECURITY_ADMIN")
@DeclareRoles("SECURITY_ADMIN")
@PermitAll
public class AsSecurityAdmin {

    public <T> T call(Callable<T> action) throws Exception {
        return action.call();
    }
}
