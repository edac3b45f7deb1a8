package cn.edu.xietong.web.notices;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.AudienceLine;
import cn.edu.xietong.notices.NoticeDraft;
import cn.edu.xietong.notices.NoticeFile;
import cn.edu.xietong.notices.NoticeInput;
import cn.edu.xietong.notices.NoticeState;
import cn.edu.xietong.notices.NoticeVersion;
import cn.edu.xietong.notices.OpenedNotice;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backs notices/edit.xhtml (B4): a new item ({@code ?category=&unit=}, a pair the writer holds the right for) or one
 * of the writer's own ({@code ?id=}): title, rich text with pictures (sanitised by the service), the audience (whole
 * school, units, roles, named people), publish and expiry moments in campus time, pinned, must-read and by when. It is
 * saved, submitted to its category's publishing flow, or — once published — taken down. Editing a published item
 * writes a new version; the published one stays until the new one is approved.
 */
@Named
@ViewScoped
public class NoticeEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Publishing publishing;

    @EJB
    private FileStore files;

    @Inject
    private Messages messages;

    private String id;
    private String category;
    private String unit;

    private Long noticeId;
    private PublishingChoice choice;
    private NoticeDraft draft;
    private List<OpenedNotice.VersionLine> versions = List.of();

    private String title = "";
    private String html = "";
    private boolean school;
    private List<String> units = new ArrayList<>();
    private List<String> roles = new ArrayList<>();
    private List<String> people = new ArrayList<>();
    private LocalDateTime publishAt;
    private LocalDateTime expireAt;
    private boolean pinned;
    private boolean mustRead;
    private LocalDate readBy;
    private final List<NoticeFile> attachments = new ArrayList<>();

    public void load() {
        if (id != null && !id.isBlank()) {
            noticeId = PageRequest.id("id", id);
            reload();
            title = draft.title();
            html = draft.html();
            for (AudienceLine a : draft.audience()) {
                switch (a.target()) {
                    case SCHOOL -> school = true;
                    case UNIT -> units.add(String.valueOf(a.id()));
                    case ROLE -> roles.add(a.role().name());
                    case PERSON -> {
                        if (a.login() != null) {
                            people.add(a.login());
                        }
                    }
                }
            }
            publishAt = local(draft.publishAt());
            expireAt = local(draft.expireAt());
            pinned = draft.pinned();
            mustRead = draft.mustRead();
            readBy = draft.readBy();
            attachments.addAll(draft.files());
        } else {
            long categoryId = PageRequest.id("category", category);
            long unitId = PageRequest.id("unit", unit);
            choice = publishing.myChoices().stream()
                    .filter(c -> c.categoryId() == categoryId && c.unitId() == unitId).findFirst()
                    .orElseThrow(() -> new EJBAccessException("no publishing right for category " + categoryId
                            + " of unit " + unitId));
            school = true;
        }
    }

    private void reload() {
        draft = publishing.draft(noticeId);
        versions = publishing.versions(noticeId);
    }

    /** Saves what is written (a new item, or new content for one's own); answers whether it was taken. */
    public boolean save() {
        try {
            NoticeInput input = input();
            if (noticeId == null) {
                noticeId = publishing.create(choice.categoryId(), choice.unitId(), input);
            } else {
                publishing.write(noticeId, input);
            }
            reload();
            return true;
        } catch (DomainException refused) {
            messages.error(refused);
            return false;
        }
    }

    public void saveOnly() {
        if (save()) {
            messages.info("notice.saved");
            redirectToSelf();
        }
    }

    /** Saves, then submits to the category's publishing flow (B4). */
    public void submit() {
        if (!save()) {
            return;
        }
        try {
            publishing.submit(noticeId);
            reload();
            messages.info(draft.state() == NoticeState.PUBLISHED
                    && draft.versionState() == NoticeVersion.State.APPROVED
                    ? "notice.publishedAtOnce" : "notice.submitted");
            redirectToSelf();
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void withdraw() {
        try {
            publishing.withdraw(noticeId);
            reload();
            messages.info("notice.withdrawn");
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    private void redirectToSelf() {
        messages.keepForRedirect();
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/notices/edit.xhtml?id=" + noticeId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private NoticeInput input() {
        List<Audience> audience = new ArrayList<>();
        if (school) {
            audience.add(Audience.school());
        }
        units.forEach(u -> audience.add(Audience.unit(PageRequest.id("unit", u))));
        roles.forEach(r -> audience.add(Audience.role(Role.valueOf(r))));
        audience.addAll(publishing.people(people));
        return new NoticeInput(title, html, audience, instant(publishAt), instant(expireAt), pinned, mustRead,
                readBy, attachments.stream().map(NoticeFile::uid).toList());
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Campus.zone()).toInstant();
    }

    private static LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, Campus.zone());
    }

    /** Takes an upload in (checked and scanned by the file store, S1); it is attached when the item is saved. */
    public void upload(FileUploadEvent event) {
        try {
            FileInfo info = files.upload(event.getFile().getFileName(), event.getFile().getContent());
            attachments.add(new NoticeFile(info.uid(), info.name(), info.contentType(), info.size()));
        } catch (InvalidInputException refused) {
            messages.error(refused.messageKey(), refused.arguments());
        }
    }

    public void detach(String uid) {
        attachments.removeIf(a -> a.uid().equals(uid));
    }

    public List<NoticeFile> getAttachments() {
        return attachments;
    }

    /** Whether the page takes new content: a new item, a version being written, or a published one to revise. */
    public boolean isEditable() {
        return draft == null || draft.editable();
    }

    public boolean isSubmittable() {
        return draft == null || draft.editable();
    }

    public boolean isWithdrawable() {
        return draft != null && draft.state() == NoticeState.PUBLISHED;
    }

    /** The roles an audience may name. */
    public List<Role> getAudienceRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.STAFF).toList();
    }

    public PublishingChoice getChoice() {
        return choice;
    }

    public NoticeDraft getDraft() {
        return draft;
    }

    public List<OpenedNotice.VersionLine> getVersions() {
        return versions;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public boolean isSchool() {
        return school;
    }

    public void setSchool(boolean school) {
        this.school = school;
    }

    public List<String> getUnits() {
        return units;
    }

    public void setUnits(List<String> units) {
        this.units = units;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getPeople() {
        return people;
    }

    public void setPeople(List<String> people) {
        this.people = people;
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }

    public LocalDateTime getExpireAt() {
        return expireAt;
    }

    public void setExpireAt(LocalDateTime expireAt) {
        this.expireAt = expireAt;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public boolean isMustRead() {
        return mustRead;
    }

    public void setMustRead(boolean mustRead) {
        this.mustRead = mustRead;
    }

    public LocalDate getReadBy() {
        return readBy;
    }

    public void setReadBy(LocalDate readBy) {
        this.readBy = readBy;
    }
}
