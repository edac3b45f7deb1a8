package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FormValues;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the engine asks the directory while it runs: a node's candidates, and a handler's deputy under a proxy. */
public interface Staffing {

    /** The active people the node's handler rule names for this initiator. */
    List<Person> candidates(NodeSpec node, Person initiator);

    /** The active people the node's handler rule names for this initiator and a form with these values. */
    default List<Person> candidates(NodeSpec node, Person initiator, FormValues values) {
        return candidates(node, initiator);
    }

    /** The person who acts for {@code handler} on this design at {@code at}, if a proxy (委托) is in force. */
    Optional<Person> deputy(Person handler, FlowDesign design, Instant at);
}
