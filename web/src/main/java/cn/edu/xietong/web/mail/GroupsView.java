package cn.edu.xietong.web.mail;

import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.mailbox.MailGroups;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Backs mail/groups.xhtml (A4): one's personal groups of recipients, to create, change and delete. */
@Named
@ViewScoped
public class GroupsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MailGroups groups;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private Long editing;
    private String name;
    private List<String> members = new ArrayList<>();

    private transient List<MailGroups.Group> mine;

    public List<MailGroups.Group> getGroups() {
        if (mine == null) {
            mine = groups.mine();
        }
        return mine;
    }

    /** The members as "name · unit · post", in the page's language. */
    public String members(MailGroups.Group group) {
        return group.members().stream().map(m -> m.label(language.getLocale())).collect(Collectors.joining("; "));
    }

    public void edit(MailGroups.Group group) {
        editing = group.id();
        name = group.name();
        members = new ArrayList<>(group.members().stream().map(PersonCandidate::login).toList());
    }

    public void save() {
        String n = name == null ? "" : name;
        boolean done = editing == null
                ? messages.attempt(() -> groups.create(n, members), "mailbox.group.created")
                : messages.attempt(() -> groups.change(editing, n, members), "mailbox.group.changed");
        if (done) {
            clear();
        }
    }

    public void delete(MailGroups.Group group) {
        messages.attempt(() -> groups.delete(group.id()), "mailbox.group.deleted");
        clear();
    }

    public void clear() {
        editing = null;
        name = null;
        members = new ArrayList<>();
        mine = null;
    }

    public Long getEditing() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
    }
}
