package cn.edu.xietong.bench;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The benchmark's own unit, four people and a published three-approval design, made fresh for each run. */
@Stateless
public class BenchData {

    @PersistenceContext
    private EntityManager em;

    public record Setup(long designId, Person initiator, List<Person> approvers) {
    }

    public Setup setup() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        Unit unit = new Unit("B-" + tag.toUpperCase(), "基准测试单位" + tag, "Bench " + tag, UnitKind.DEPARTMENT);
        em.persist(unit);
        Person initiator = person("bi" + tag, unit, now);
        List<Person> approvers = List.of(person("ba" + tag, unit, now), person("bb" + tag, unit, now),
                person("bc" + tag, unit, now));
        FormTemplate form = new FormTemplate("bench-" + tag, 1, "基准表单", "Bench form", unit,
                new FormSchema(List.of(FieldSpec.of("subject", "事项", "Subject", FieldType.TEXT, true))), now, "bench");
        form.publish(now, "bench");
        em.persist(form);
        FlowDesign design = new FlowDesign("bench-" + tag, 1, "三级审批", "Three approvals", Category.DAILY, unit, form,
                new FlowDefinition(List.of(
                        NodeSpec.of("first", "一审", "First", NodeKind.APPROVE, HandlerRule.people(approvers.get(0).getLogin())),
                        NodeSpec.of("second", "二审", "Second", NodeKind.APPROVE, HandlerRule.people(approvers.get(1).getLogin())),
                        NodeSpec.of("third", "三审", "Third", NodeKind.APPROVE, HandlerRule.people(approvers.get(2).getLogin()))),
                        false), false, false, now, "bench");
        design.submitForReview(now, "bench");
        design.publish(now, "bench");
        em.persist(design);
        em.flush();
        return new Setup(design.getId(), initiator, approvers);
    }

    private Person person(String login, Unit unit, Instant now) {
        Person person = new Person(login, "基准" + login, unit, login + "@bench.example", now);
        em.persist(person);
        return person;
    }
}
