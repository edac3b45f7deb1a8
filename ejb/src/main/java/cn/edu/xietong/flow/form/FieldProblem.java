package cn.edu.xietong.flow.form;

import java.util.List;

/**
 * One thing wrong with one field: the field's key (a detail column as {@code items[2].amount}), a message key and
 * its arguments, shown next to the field in the user's language.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, List.of(arguments));
    }
}
