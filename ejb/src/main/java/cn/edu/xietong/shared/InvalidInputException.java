package cn.edu.xietong.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input that breaks one or more rules; each problem is a message key the web layer shows in the user's language.
 * Nothing was changed.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends DomainException {

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(problems.isEmpty() ? "input.invalid" : problems.get(0));
        this.problems = List.copyOf(problems);
    }

    /** One problem whose message takes arguments (e.g. the line numbers of a refused import). */
    public InvalidInputException(String problem, Object... arguments) {
        super(problem, arguments);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
