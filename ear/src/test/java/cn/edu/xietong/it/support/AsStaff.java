package cn.edu.xietong.it.support;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

import java.util.concurrent.Callable;

/** Runs test code as a caller holding STAFF only, so tests meet the services' own rights checks (S3). */
@Stateless
@RunAs("STAFF")
@DeclareRoles("STAFF")
@PermitAll
public class AsStaff {

    public <T> T call(Callable<T> action) throws Exception {
        return action.call();
    }
}
