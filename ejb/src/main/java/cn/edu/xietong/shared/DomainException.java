package cn.edu.xietong.shared;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * A rule of the domain refused an action. It carries a message key (resolved in the user's language by the web
 * layer, from the same bundles as every other visible string) and its arguments, never a ready-made text.
 * Thrown from a service it rolls the transaction back, so nothing is half-applied.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
