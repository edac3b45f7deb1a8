package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;

import java.util.Objects;

/** Who gets a to-do: the person who acts and, under a proxy (委托), the person on whose behalf they act. */
public record Assignee(Person person, Person onBehalfOf) {

    public Assignee {
        Objects.requireNonNull(person);
    }

    public static Assignee of(Person person) {
        return new Assignee(person, null);
    }
}
