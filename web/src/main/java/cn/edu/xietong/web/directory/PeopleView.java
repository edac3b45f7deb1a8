package cn.edu.xietong.web.directory;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs directory/people.xhtml: find people by name or login name, optionally within one unit. */
@Named
@ViewScoped
public class PeopleView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX = 200;

    @EJB
    private Directory directory;

    private String q;
    private Long unit;
    private transient List<Person> people;

    public void search() {
        people = null;
    }

    public List<Person> getPeople() {
        if (people == null) {
            people = directory.search(q, unit, MAX);
        }
        return people;
    }

    public boolean isTruncated() {
        return getPeople().size() >= MAX;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Long getUnit() {
        return unit;
    }

    public void setUnit(Long unit) {
        this.unit = unit;
    }
}
