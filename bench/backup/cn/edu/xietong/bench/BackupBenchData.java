package cn.edu.xietong.bench;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The backup benchmark's university, made through the entities as the directory makes them: units of every kind
 * sharing the staff evenly, the first person of each unit its IT staff (who may write its library), and a published
 * three-approval design whose approvers are three people of the first unit.
 */
@Stateless
public class BackupBenchData {

    @PersistenceContext
    private EntityManager em;

    /** The generated university: units, staff (ids and logins in the same order), each unit's IT staff, the design. */
    public record University(String tag, List<Long> unitIds, List<Long> personIds, List<String> logins,
                             List<Long> unitOfPerson, List<String> itLogins, long designId, List<String> approvers) {
    }

    public University university(int units, int people) {
        String tag = "bk" + UUID.randomUUID().toString().substring(0, 5);
        Instant now = Instant.now();
        List<Unit> made = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            UnitKind kind = u < units / 2 ? UnitKind.COLLEGE : u < units * 5 / 6 ? UnitKind.DEPARTMENT
                    : UnitKind.AFFILIATED;
            Unit unit = new Unit(tag.toUpperCase() + "-" + u, "备份基准单位" + tag + "-" + u,
                    "Backup bench unit " + tag + "-" + u, kind);
            em.persist(unit);
            made.add(unit);
        }
        List<Person> persons = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String login = tag + "p" + p;
            Unit unit = made.get(p % units);
            Person person = new Person(login, "备份" + p, unit, login + "@bench.example", now);
            if (p < units) {
                person.grant(Role.UNIT_IT, unit);
            }
            em.persist(person);
            persons.add(person);
        }
        em.flush();
        Unit first = made.get(0);
        List<Person> approvers = List.of(persons.get(units), persons.get(2 * units), persons.get(3 * units));
        FormTemplate form = new FormTemplate(tag + "-form", 1, "备份基准表单", "Backup bench form", first,
                new FormSchema(List.of(FieldSpec.of("subject", "事项", "Subject", FieldType.TEXT, true),
                        FieldSpec.of("detail", "说明", "Detail", FieldType.TEXT, false))), now, "bench");
        form.publish(now, "bench");
        em.persist(form);
        FlowDesign design = new FlowDesign(tag + "-flow", 1, "三级审批", "Three approvals", Category.DAILY, first,
                form, new FlowDefinition(List.of(
                NodeSpec.of("first", "一审", "First", NodeKind.APPROVE, HandlerRule.people(approvers.get(0).getLogin())),
                NodeSpec.of("second", "二审", "Second", NodeKind.APPROVE,
                        HandlerRule.people(approvers.get(1).getLogin())),
                NodeSpec.of("third", "三审", "Third", NodeKind.APPROVE,
                        HandlerRule.people(approvers.get(2).getLogin()))), false), false, false, now, "bench");
        design.submitForReview(now, "bench");
        design.publish(now, "bench");
        em.persist(design);
        em.flush();
        return new University(tag, made.stream().map(Unit::getId).toList(),
                persons.stream().map(Person::getId).toList(), persons.stream().map(Person::getLogin).toList(),
                persons.stream().map(p -> p.getUnit().getId()).toList(),
                persons.subList(0, units).stream().map(Person::getLogin).toList(), design.getId(),
                approvers.stream().map(Person::getLogin).toList());
    }

    public Person person(String login) {
        return Person.byLogin(em, login).orElseThrow();
    }
}
