package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.form.FormValues;

import java.util.List;

/** Finds the active people a handler rule names; the directory answers it in the server, fixtures in plain tests. */
@FunctionalInterface
public interface HandlerResolver {

    /**
     * The people {@code rule} names for {@code initiator}, in a stable order; for a check without an initiator
     * ({@code null}) a rule on the initiator's unit names nobody.
     */
    List<Person> candidates(HandlerRule rule, Person initiator);

    /**
     * The people {@code rule} names for {@code initiator} and a form with these values: a rule on a form field's unit
     * reads it there (without values, or in a resolver that knows no units, it names nobody).
     */
    default List<Person> candidates(HandlerRule rule, Person initiator, FormValues values) {
        return candidates(rule, initiator);
    }
}
