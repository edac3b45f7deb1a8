package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Runs test code as a given person with their roles, through WildFly's own security domain: the services see that
 * person as their caller, exactly as after a login, so rules that depend on who the caller is can be tested.
 */
public final class AsPerson {

    private AsPerson() {
    }

    public static <T> T call(Person person, Callable<T> action) throws Exception {
        var identity = SecurityDomain.getCurrent().createAdHocIdentity(person.getLogin())
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(
                        person.roleSet().stream().map(Role::name).collect(Collectors.toSet()))));
        try {
            return identity.runAs((PrivilegedExceptionAction<T>) action::call);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    public static void run(Person person, ThrowingRunnable action) throws Exception {
        call(person, () -> {
            action.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
