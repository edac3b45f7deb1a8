package cn.edu.xietong.web.mail;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.AddressTarget;
import cn.edu.xietong.mailbox.MailGroups;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipients of mail/compose.xhtml that are not single people (A4, O2.7): everyone in a unit (its sub-offices
 * included), a unit's leaders, or one of one's personal groups, each as to, cc or bcc. The service resolves them when
 * the mail is sent and refuses a unit without the mail module or an empty group.
 */
@Named
@ViewScoped
public class ComposeRecipients implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Directory directory;

    @EJB
    private MailGroups groups;

    @Inject
    private LanguageView language;

    @Inject
    private Messages messages;

    private final List<Recipient> extra = new ArrayList<>();
    private String kind = AddressKind.TO.name();
    private String unit;
    private String who = AddressTarget.UNIT.name();
    private String group;

    private transient List<Unit> units;
    private transient List<MailGroups.Group> mine;

    void add(Recipient r) {
        if (!extra.contains(r)) {
            extra.add(r);
        }
    }

    public void addUnit() {
        if (unit == null || unit.isBlank()) {
            messages.error("mailbox.compose.chooseUnit");
            return;
        }
        add(new Recipient(AddressKind.valueOf(kind), AddressTarget.valueOf(who), unit));
        unit = null;
    }

    public void addGroup() {
        if (group == null || group.isBlank()) {
            messages.error("mailbox.compose.chooseGroup");
            return;
        }
        add(new Recipient(AddressKind.valueOf(kind), AddressTarget.GROUP, group));
        group = null;
    }

    public void remove(Recipient r) {
        extra.remove(r);
    }

    /** "计算机学院（全体）", "计算机学院（领导）" or the group's name, in the page's language. */
    public String label(Recipient r) {
        if (r.target() == AddressTarget.GROUP) {
            return getGroups().stream().filter(g -> Long.toString(g.id()).equals(r.key())).map(MailGroups.Group::name)
                    .findFirst().orElse(r.key());
        }
        String name = getUnits().stream().filter(u -> String.valueOf(u.getId()).equals(r.key()))
                .map(u -> u.name(language.getLocale())).findFirst().orElse(r.key());
        return messages.text("mailbox.compose." + r.target().name(), name);
    }

    public List<Unit> getUnits() {
        if (units == null) {
            units = directory.unitsInTreeOrder();
        }
        return units;
    }

    public List<MailGroups.Group> getGroups() {
        if (mine == null) {
            mine = groups.mine();
        }
        return mine;
    }

    public List<Recipient> getExtra() {
        return extra;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
