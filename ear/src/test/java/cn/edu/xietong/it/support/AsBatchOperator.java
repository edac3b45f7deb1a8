package cn.edu.xietong.it.support;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

import java.util.concurrent.Callable;

/** Runs test code as a caller holding BATCH_OPERATOR only, so tests meet the services' own rights checks (S3). */
@Stateless
@RunAs("BATCH_OPERATOR")
@DeclareRoles("BATCH_OPERATOR")
@PermitAll
public class AsBatchOperator {

    public <T> T call(Callable<T> action) throws Exception {
        return action.call();
    }
}
