package cn.edu.xietong.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerType;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.Deadlines;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.Staffing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small university for plain tests of forms, designs and the engine: one unit, people by login, a leave form, and
 * a directory that answers a handler rule of type PERSON or INITIATOR_CHOICE by its logins and other rules by role.
 */
public final class FlowFixture {

    public final Unit unit = new Unit("CS", "计算机学院", "CS", UnitKind.COLLEGE);
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Person> deputies = new HashMap<>();
    private Instant now = Instant.parse("2026-12-01T02:00:00Z");

    public static final FormSchema LEAVE = new FormSchema(List.of(
            FieldSpec.of("kind", "类型", "Kind", FieldType.CHOICE, true).withOptions("事假", "病假", "年假"),
            FieldSpec.of("days", "天数", "Days", FieldType.NUMBER, true)
                    .withRange(new BigDecimal("0.5"), new BigDecimal("30")),
            FieldSpec.of("reason", "事由", "Reason", FieldType.LONG_TEXT, true),
            FieldSpec.of("note", "审批备注", "Note", FieldType.TEXT, false)));

    public Person person(String login, Role... roles) {
        return people.computeIfAbsent(login, l -> {
            Person p = new Person(l, l.toUpperCase(), unit, l + "@example.org", now);
            for (Role role : roles) {
                if (role.isUnitScoped()) {
                    p.grant(role, unit);
                } else {
                    p.grant(role);
                }
            }
            return p;
        });
    }

    public void deputy(String handler, String deputy) {
        deputies.put(handler, person(deputy));
    }

    public FlowDesign design(NodeSpec... nodes) {
        return design(false, nodes);
    }

    public FlowDesign design(boolean skipRepeated, NodeSpec... nodes) {
        FormTemplate form = new FormTemplate("leave", 1, "请假", "Leave", unit, LEAVE, now, "it");
        form.publish(now, "it");
        FlowDesign design = new FlowDesign("leave", 1, "请假", "Leave", Category.DAILY, unit, form,
                new FlowDefinition(List.of(nodes), skipRepeated), false, true, now, "it");
        design.submitForReview(now, "it");
        design.publish(now, "supervisor");
        return design;
    }

    public static FormValues leave(String days) {
        return FormValues.of(Map.of("kind", "事假", "days", days, "reason", "家中有事"));
    }

    public Staffing staffing() {
        return new Staffing() {
            @Override
            public List<Person> candidates(NodeSpec node, Person initiator) {
                if (node.handler().type() == HandlerType.PERSON || node.handler().type() == HandlerType.INITIATOR_CHOICE) {
                    return node.handler().logins().stream().filter(people::containsKey).map(people::get).toList();
                }
                Role role = node.handler().type() == HandlerType.SCHOOL_LEADER ? Role.SCHOOL_LEADER : node.handler().role();
                List<Person> found = new ArrayList<>();
                people.values().stream().filter(p -> p.hasRole(role))
                        .sorted((a, b) -> a.getLogin().compareTo(b.getLogin())).forEach(found::add);
                return found;
            }

            @Override
            public Optional<Person> deputy(Person handler, FlowDesign design, Instant at) {
                return Optional.ofNullable(deputies.get(handler.getLogin()));
            }
        };
    }

    /** Due after one calendar day per working day: the engine's arithmetic, not the calendar's, is tested here. */
    public static final Deadlines DAYS = (arrived, days) -> arrived.plus(Duration.ofDays(days));

    public FlowContext context() {
        now = now.plusSeconds(60);
        return new FlowContext(now, staffing(), DAYS);
    }

    public Instant now() {
        return now;
    }
}
