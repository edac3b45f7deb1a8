package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.shared.DisplayText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a design must pass before it may be submitted for review and published (O3.3): every node resolves to
 * someone, no node is unreachable, conditions name existing fields of a fitting type, edited and hidden fields
 * exist, and every form meets at least one approval, so that nothing is approved by nobody.
 */
public final class DesignCheck {

    private static final Pattern NODE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,31}");
    public static final int MAX_NODES = 30;
    public static final int MAX_DEADLINE_DAYS = 30;

    private DesignCheck() {
    }

    public static List<DesignProblem> problems(FlowDefinition definition, FormSchema schema, HandlerResolver resolver) {
        List<DesignProblem> problems = new ArrayList<>();
        if (definition.nodes().isEmpty()) {
            problems.add(DesignProblem.of("", "flow.design.noNodes"));
        }
        if (definition.nodes().size() > MAX_NODES) {
            problems.add(DesignProblem.of("", "flow.design.tooManyNodes", MAX_NODES));
        }
        Set<String> ids = new HashSet<>();
        for (NodeSpec node : definition.nodes()) {
            String id = node.id() == null ? "" : node.id();
            if (!NODE_ID.matcher(id).matches()) {
                problems.add(DesignProblem.of(id, "flow.design.badNodeId", id));
            } else if (!ids.add(id)) {
                problems.add(DesignProblem.of(id, "flow.design.duplicateNode", id));
            }
            if (DisplayText.name(node.nameZh(), 40).isEmpty() || DisplayText.optionalName(node.nameEn(), 80).isEmpty()) {
                problems.add(DesignProblem.of(id, "flow.design.badNodeName", id));
            }
            if (node.deadlineDays() > MAX_DEADLINE_DAYS) {
                problems.add(DesignProblem.of(id, "flow.design.badDeadline", MAX_DEADLINE_DAYS));
            }
            checkHandler(node, schema, resolver, problems);
            if (node.condition() != null) {
                checkCondition(node, schema, problems);
            }
            for (String field : node.editable()) {
                if (schema.field(field).isEmpty()) {
                    problems.add(DesignProblem.of(id, "flow.design.unknownField", field));
                }
            }
            for (String field : node.hidden()) {
                if (schema.field(field).isEmpty()) {
                    problems.add(DesignProblem.of(id, "flow.design.unknownField", field));
                } else if (node.editable().contains(field)) {
                    problems.add(DesignProblem.of(id, "flow.design.hiddenEditable", field));
                }
            }
        }
        if (definition.nodes().stream().noneMatch(n -> n.kind().decides() && n.condition() == null)) {
            problems.add(DesignProblem.of("", "flow.design.noCertainApproval"));
        }
        return problems;
    }

    private static void checkHandler(NodeSpec node, FormSchema schema, HandlerResolver resolver,
                                     List<DesignProblem> problems) {
        HandlerRule rule = node.handler();
        if (rule == null || rule.type() == null) {
            problems.add(DesignProblem.of(node.id(), "flow.design.noHandler", node.id()));
            return;
        }
        switch (rule.type()) {
            case INITIATOR_UNIT_ROLE -> {
                if (rule.role() == null || !rule.role().isUnitScoped()) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.notUnitRole", node.id()));
                }
            }
            case UNIT_ROLE -> {
                if (rule.role() == null || !rule.role().isUnitScoped() || rule.unitCode() == null) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.notUnitRole", node.id()));
                } else if (resolver.candidates(rule, null).isEmpty()) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.nobody", node.id()));
                }
            }
            case PERSON, INITIATOR_CHOICE -> {
                List<Person> found = resolver.candidates(rule, null);
                if (rule.logins().isEmpty() || found.size() < rule.logins().size()) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.unknownPeople", node.id()));
                }
            }
            case FIELD_UNIT_ROLE -> {
                if (rule.role() == null || !rule.role().isUnitScoped()) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.notUnitRole", node.id()));
                }
                if (rule.field() == null || schema.fields().stream()
                        .noneMatch(f -> f.key().equals(rule.field()) && f.type() == FieldType.UNIT)) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.notUnitField", node.id()));
                }
            }
            case SCHOOL_LEADER -> {
                if (resolver.candidates(rule, null).isEmpty()) {
                    problems.add(DesignProblem.of(node.id(), "flow.design.nobody", node.id()));
                }
            }
        }
    }

    private static void checkCondition(NodeSpec node, FormSchema schema, List<DesignProblem> problems) {
        Condition condition = node.condition();
        Optional<FieldType> type = condition.field() == null ? Optional.empty()
                : schema.conditionType(condition.field());
        if (type.isEmpty() || condition.operator() == null) {
            problems.add(DesignProblem.of(node.id(), "flow.design.badConditionField", String.valueOf(condition.field())));
            return;
        }
        if (type.get().numeric()) {
            Optional<BigDecimal> value = condition.number();
            if (value.isEmpty()) {
                problems.add(DesignProblem.of(node.id(), "flow.design.badConditionValue", condition.value()));
            } else if (!condition.field().contains(".") && !possible(schema.field(condition.field()).get(),
                    condition.operator(), value.get())) {
                problems.add(DesignProblem.of(node.id(), "flow.design.unreachable", node.id()));
            }
            return;
        }
        if (condition.operator() != Condition.Operator.EQ && condition.operator() != Condition.Operator.NE) {
            problems.add(DesignProblem.of(node.id(), "flow.design.badConditionOperator", condition.operator()));
            return;
        }
        FieldSpec field = schema.field(condition.field()).get();
        boolean choice = field.type() == FieldType.CHOICE || field.type() == FieldType.MULTI_CHOICE;
        if (choice && !field.options().contains(condition.value())) {
            problems.add(DesignProblem.of(node.id(), condition.operator() == Condition.Operator.EQ
                    ? "flow.design.unreachable" : "flow.design.badConditionValue", node.id()));
        }
    }

    /** Whether some value within the field's limits satisfies the comparison. */
    private static boolean possible(FieldSpec field, Condition.Operator operator, BigDecimal value) {
        BigDecimal min = field.min();
        BigDecimal max = field.max();
        return switch (operator) {
            case GT -> max == null || max.compareTo(value) > 0;
            case GE -> max == null || max.compareTo(value) >= 0;
            case LT -> min == null || min.compareTo(value) < 0;
            case LE -> min == null || min.compareTo(value) <= 0;
            case EQ -> (min == null || min.compareTo(value) <= 0) && (max == null || max.compareTo(value) >= 0);
            case NE -> true;
        };
    }
}
