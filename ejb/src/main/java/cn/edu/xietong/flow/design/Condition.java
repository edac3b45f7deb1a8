package cn.edu.xietong.flow.design;

import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A branch condition on a form field (O1.3): the node it guards is on the path only when it holds, e.g.
 * {@code amount GT 5000} sends the form on to a school leader. A number or money field, the sum of a detail column
 * ({@code items.amount}), or a choice (EQ/NE: is, is not; for a multiple choice: contains, does not contain).
 */
public record Condition(String field, Operator operator, String value) {

    public enum Operator {
        GT, GE, LT, LE, EQ, NE
    }

    public boolean holds(FormSchema schema, FormValues values) {
        Optional<FieldType> type = schema.conditionType(field);
        if (type.isEmpty()) {
            return false;
        }
        if (type.get().numeric()) {
            Optional<BigDecimal> actual = schema.numberFor(field, values);
            Optional<BigDecimal> expected = number();
            if (actual.isEmpty() || expected.isEmpty()) {
                return false;
            }
            int c = actual.get().compareTo(expected.get());
            return switch (operator) {
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case EQ -> c == 0;
                case NE -> c != 0;
            };
        }
        boolean equal = type.get() == FieldType.MULTI_CHOICE ? values.texts(field).contains(value)
                : values.text(field).map(value::equals).orElse(false);
        return switch (operator) {
            case EQ -> equal;
            case NE -> !equal;
            default -> false;
        };
    }

    /** The value compared with, in the same one notation as the numbers of forms ({@link FormValues#parseNumber}). */
    public Optional<BigDecimal> number() {
        return FormValues.parseNumber(value);
    }

    @Override
    public String toString() {
        return field + " " + operator + " " + value;
    }
}
