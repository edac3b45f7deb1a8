package cn.edu.xietong.flow.design;

import java.util.List;

/** One reason a design cannot be published: the node concerned (empty for the design as a whole), a message key, arguments. */
public record DesignProblem(String node, String messageKey, List<Object> arguments) {

    public DesignProblem {
        arguments = List.copyOf(arguments);
    }

    static DesignProblem of(String node, String messageKey, Object... arguments) {
        return new DesignProblem(node, messageKey, List.of(arguments));
    }
}
