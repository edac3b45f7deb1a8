package cn.edu.xietong.web.directory;

import cn.edu.xietong.directory.Appointment;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Backs directory/person.xhtml?login=…: one person's entry. */
@Named
@RequestScoped
public class PersonView {

    @EJB
    private Directory directory;

    @EJB
    private Organisation organisation;

    @Inject
    private Messages messages;

    private String login;
    private Person person;
    private List<Appointment> appointments;

    public void load() {
        person = login == null ? null : directory.person(login).orElse(null);
        if (person == null) {
            messages.error("directory.person.notFound");
        }
    }

    /** The person's unit and the units above it, top first (学院 › 综合办公室). */
    public List<Unit> getUnitPath() {
        List<Unit> path = new ArrayList<>();
        for (Unit u = person.getUnit(); u != null; u = u.getParent()) {
            path.add(u);
        }
        Collections.reverse(path);
        return path;
    }

    /** The posts the person holds, concurrent ones (兼职) in other units included. */
    public List<Appointment> getAppointments() {
        if (appointments == null) {
            appointments = person == null ? List.of() : organisation.appointmentsOf(person.getLogin());
        }
        return appointments;
    }

    public Person getPerson() {
        return person;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }
}
