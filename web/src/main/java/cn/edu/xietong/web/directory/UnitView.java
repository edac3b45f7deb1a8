package cn.edu.xietong.web.directory;

import cn.edu.xietong.directory.Appointment;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.Post;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitChange;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs directory/unit.xhtml?id=…: a unit with its posts and who holds them (concurrent posts marked); for the system
 * administrator and the unit's IT staff also renaming, sub-offices, posts, appointments and the unit's history (O3.1).
 */
@Named
@ViewScoped
public class UnitView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Directory directory;

    @EJB
    private Organisation organisation;

    @Inject
    private Messages messages;

    private Long id;
    private Unit unit;
    private boolean maintainer;
    private String nameZh;
    private String nameEn;
    private String subCode;
    private String subNameZh;
    private String subNameEn;
    private String postName;
    private Long postId;
    private String appointee;
    private transient List<Post> posts;
    private transient List<Appointment> appointments;
    private transient List<UnitChange> history;

    public void load() {
        posts = null;
        appointments = null;
        history = null;
        unit = id == null ? null : directory.unit(id).orElse(null);
        if (unit == null) {
            messages.error("unit.unknown");
            return;
        }
        maintainer = organisation.mayMaintain(id);
        nameZh = unit.getNameZh();
        nameEn = unit.getNameEn();
    }

    public void rename() {
        act(() -> organisation.rename(id, nameZh, nameEn), "unit.saved");
    }

    public void addSubOffice() {
        act(() -> {
            organisation.createUnit(subCode, subNameZh, subNameEn, null, id);
            subCode = subNameZh = subNameEn = null;
        }, "unit.created");
    }

    public void addPost() {
        act(() -> {
            organisation.addPost(id, postName);
            postName = null;
        }, "post.added");
    }

    public void removePost(Post post) {
        act(() -> organisation.removePost(post.getId()), "post.removed");
    }

    public void appoint() {
        act(() -> {
            organisation.appoint(appointee, postId == null ? -1 : postId);
            appointee = null;
        }, "post.appointed");
    }

    public void dismiss(Appointment appointment) {
        act(() -> organisation.dismiss(appointment.getId()), "post.dismissed");
    }

    private void act(Runnable action, String done) {
        if (messages.attempt(action, done)) {
            load();
        }
    }

    public List<Post> getPosts() {
        if (posts == null) {
            posts = unit == null ? List.of() : organisation.posts(id);
        }
        return posts;
    }

    public List<Appointment> getAppointments() {
        if (appointments == null) {
            appointments = unit == null ? List.of() : organisation.appointments(id);
        }
        return appointments;
    }

    public List<UnitChange> getHistory() {
        if (history == null) {
            history = maintainer ? organisation.history(id) : List.of();
        }
        return history;
    }

    public Unit getUnit() {
        return unit;
    }

    public boolean isMaintainer() {
        return maintainer;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getSubCode() {
        return subCode;
    }

    public void setSubCode(String subCode) {
        this.subCode = subCode;
    }

    public String getSubNameZh() {
        return subNameZh;
    }

    public void setSubNameZh(String subNameZh) {
        this.subNameZh = subNameZh;
    }

    public String getSubNameEn() {
        return subNameEn;
    }

    public void setSubNameEn(String subNameEn) {
        this.subNameEn = subNameEn;
    }

    public String getPostName() {
        return postName;
    }

    public void setPostName(String postName) {
        this.postName = postName;
    }

    public Long getPostId() {
        return postId;
    }

    public void setPostId(Long postId) {
        this.postId = postId;
    }

    public String getAppointee() {
        return appointee;
    }

    public void setAppointee(String appointee) {
        this.appointee = appointee;
    }
}
