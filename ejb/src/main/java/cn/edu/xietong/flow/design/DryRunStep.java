package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;

import java.util.List;

/**
 * One node a sample form would pass in a dry run (O3.3): who would handle it, and whether the initiator would choose
 * among them at submit time; a node nobody would handle is what the dry run is for.
 */
public record DryRunStep(NodeSpec node, List<Person> handlers, boolean initiatorChooses) {

    public boolean unstaffed() {
        return handlers.isEmpty();
    }

    /** The path a form of {@code initiator} with these values would take, with each node's actual handlers. */
    public static List<DryRunStep> of(FlowDefinition definition, FormSchema schema, HandlerResolver resolver,
                                      Person initiator, FormValues values) {
        return definition.path(schema, values).stream().map(node -> {
            List<Person> handlers = resolver.candidates(node.handler(), initiator, values);
            return new DryRunStep(node, handlers, choosesAmong(node, handlers));
        }).toList();
    }

    /** An approval node with several candidates, or any node whose handler is the initiator's choice. */
    public static boolean choosesAmong(NodeSpec node, List<Person> candidates) {
        return node.handler().type() == HandlerType.INITIATOR_CHOICE
                || (node.kind() == NodeKind.APPROVE && candidates.size() > 1);
    }
}
