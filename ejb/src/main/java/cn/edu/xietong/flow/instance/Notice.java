package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;

import java.time.Instant;
import java.util.List;

/**
 * What a transition of an instance tells one person (A2, B2): the kind, the note that came with it (a reason, an
 * urging note), the arguments of its text (the handler's name for an escalation), and when.
 */
public record Notice(Person person, NoticeKind kind, String note, List<String> arguments, Instant at) {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    /** The notification centre's record of it, linking to the instance and named by its title. */
    public Notification about(FlowInstance instance) {
        return new Notification(person, Module.FLOWS, instance.getId(), kind.name(), instance.getTitle(),
                NotificationText.key("notification.flow." + kind.name(), arguments), note, at);
    }
}
