package cn.edu.xietong.flow.form;

import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.ApplicationException;

import java.util.List;

/** A filled form broke its template's rules; each problem names its field. Nothing was saved. */
@ApplicationException(rollback = true)
public class FormInvalidException extends InvalidInputException {

    private final transient List<FieldProblem> fieldProblems;

    public FormInvalidException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::messageKey).toList());
        this.fieldProblems = List.copyOf(problems);
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
