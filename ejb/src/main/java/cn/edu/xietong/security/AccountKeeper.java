package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who looks after an account (三员; S2, S3): the security administrator keeps the accounts of the three administrators
 * (system, security and audit administrator), the system administrator everyone else's, and nobody their own. So the
 * system administrator can neither reset an administrator's password and log in with the temporary one, nor
 * deactivate, reactivate or move an administrator, nor take over the to-dos an administrator left behind.
 * {@link AccountAdministration} and the hand-over of to-dos both ask here, and so does the account page.
 */
public final class AccountKeeper {

    private AccountKeeper() {
    }

    /** The role that resets, deactivates, reactivates and moves this account, whether it is active or not. */
    public static Role keeperOf(Person account) {
        return account.roleSet().stream().anyMatch(RoleAdministration.ADMINISTRATORS::contains)
                ? Role.SECURITY_ADMIN : Role.SYS_ADMIN;
    }

    /**
     * Why the caller may not administer the account, as a message key ({@code account.notSelf},
     * {@code account.keptBySecurityAdmin}, {@code account.keptBySystemAdmin}); empty if they may.
     *
     * @param callerHolds whether the caller holds a role (as the caller's session sees it)
     */
    public static Optional<String> refusal(String callerLogin, Predicate<Role> callerHolds, Person account) {
        if (account.getLogin().equals(callerLogin)) {
            return Optional.of("account.notSelf");
        }
        Role keeper = keeperOf(account);
        if (callerHolds.test(keeper)) {
            return Optional.empty();
        }
        return Optional.of(keeper == Role.SECURITY_ADMIN ? "account.keptBySecurityAdmin" : "account.keptBySystemAdmin");
    }
}
