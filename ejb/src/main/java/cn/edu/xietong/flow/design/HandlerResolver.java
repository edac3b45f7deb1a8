package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;

import java.util.List;

/** Finds the active people a handler rule names; the directory answers it in the server, fixtures in plain tests. */
@FunctionalInterface
public interface HandlerResolver {

    /**
     * The people {@code rule} names for {@code initiator}, in a stable order; for a check without an initiator
     * ({@code null}) a rule on the initiator's unit names nobody.
     */
    List<Person> candidates(HandlerRule rule, Person initiator);
}
