package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One version of a flow design (O1.3, O3.3): category, owning unit, bound form version, nodes. Its lifecycle is
 * draft → in review → published (→ superseded by the next version, or retired); a returned review goes back to draft
 * with the supervisor's reason. Only a draft changes; instances keep the version they started on.
 */
@Entity
@Table(name = "flow_design")
@NamedQuery(name = FlowDesign.PUBLISHED, query = "select d from FlowDesign d where d.status = "
        + "cn.edu.xietong.flow.design.DesignStatus.PUBLISHED order by d.category, d.code")
@NamedQuery(name = FlowDesign.PUBLISHED_OF_CODE, query = "select d from FlowDesign d where d.code = :code and d.status = "
        + "cn.edu.xietong.flow.design.DesignStatus.PUBLISHED")
@NamedQuery(name = FlowDesign.IN_REVIEW, query = "select d from FlowDesign d where d.status = "
        + "cn.edu.xietong.flow.design.DesignStatus.IN_REVIEW order by d.submittedAt")
@NamedQuery(name = FlowDesign.OF_UNITS, query = "select d from FlowDesign d where d.unit.id in :units"
        + " order by d.code, d.version desc")
@NamedQuery(name = FlowDesign.LATEST, query = "select max(d.version) from FlowDesign d where d.code = :code")
public class FlowDesign {

    public static final String PUBLISHED = "FlowDesign.published";
    public static final String PUBLISHED_OF_CODE = "FlowDesign.publishedOfCode";
    public static final String IN_REVIEW = "FlowDesign.inReview";
    public static final String OF_UNITS = "FlowDesign.ofUnits";
    public static final String LATEST = "FlowDesign.latest";

    @Id
    @SequenceGenerator(name = "flow_design_seq", sequenceName = "flow_design_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_design_seq")
    private Long id;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false)
    private int version;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Category category;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "form_id", nullable = false)
    private FormTemplate form;

    @Column(name = "definition_json", nullable = false, length = 100000)
    private String definitionJson;

    /** A core flow (O1.4): only the people on the supervisor's list for it take part, and it is on the board. */
    @Column(nullable = false)
    private boolean core;

    /** Open to every unit (面向全校), or only to the owning unit and its sub-offices. */
    @Column(name = "open_to_all", nullable = false)
    private boolean openToAll;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DesignStatus status = DesignStatus.DRAFT;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Transient
    private FlowDefinition definition;

    protected FlowDesign() {
    }

    public FlowDesign(String code, int version, String nameZh, String nameEn, Category category, Unit unit,
                      FormTemplate form, FlowDefinition definition, boolean core, boolean openToAll, Instant at,
                      String by) {
        this.openToAll = openToAll;
        this.code = code;
        this.version = version;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.category = category;
        this.unit = unit;
        this.form = form;
        this.definitionJson = definition.toJson();
        this.definition = definition;
        this.core = core;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public FlowDefinition definition() {
        if (definition == null) {
            definition = PARSED.computeIfAbsent(definitionJson, FlowDefinition::fromJson);
            if (PARSED.size() > PARSED_LIMIT) {
                PARSED.clear();
            }
        }
        return definition;
    }

    /** Parsed definitions by their exact text: a design is read far more often than it changes. */
    private static final Map<String, FlowDefinition> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 500;

    /** Changes a draft. */
    public void revise(String newNameZh, String newNameEn, Category newCategory, FormTemplate newForm,
                       FlowDefinition newDefinition, boolean newCore, boolean newOpenToAll, Instant at, String by) {
        requireStatus(DesignStatus.DRAFT);
        this.openToAll = newOpenToAll;
        this.nameZh = newNameZh;
        this.nameEn = newNameEn;
        this.category = newCategory;
        this.form = newForm;
        this.definitionJson = newDefinition.toJson();
        this.definition = newDefinition;
        this.core = newCore;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Sends a draft that passed the checks to the supervisor. */
    public void submitForReview(Instant at, String by) {
        requireStatus(DesignStatus.DRAFT);
        if (!form.isPublished()) {
            throw new DomainException("flow.design.formNotPublished");
        }
        status = DesignStatus.IN_REVIEW;
        submittedAt = at;
        updatedBy = by;
        updatedAt = at;
        reviewNote = null;
    }

    /** The supervisor publishes the design as the code's current version. */
    public void publish(Instant at, String by) {
        requireStatus(DesignStatus.IN_REVIEW);
        status = DesignStatus.PUBLISHED;
        reviewedAt = at;
        reviewedBy = by;
    }

    /** The supervisor sends it back to draft with a reason. */
    public void returnForRework(String reason, Instant at, String by) {
        requireStatus(DesignStatus.IN_REVIEW);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("flow.reasonRequired");
        }
        status = DesignStatus.DRAFT;
        reviewNote = reason.strip();
        reviewedAt = at;
        reviewedBy = by;
    }

    /** A newer version was published. */
    public void supersede() {
        requireStatus(DesignStatus.PUBLISHED);
        status = DesignStatus.SUPERSEDED;
    }

    public void retire(Instant at, String by) {
        requireStatus(DesignStatus.PUBLISHED);
        status = DesignStatus.RETIRED;
        updatedAt = at;
        updatedBy = by;
    }

    private void requireStatus(DesignStatus expected) {
        if (status != expected) {
            throw new DomainException("flow.design.wrongStatus", status.name());
        }
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public int getVersion() {
        return version;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Bilingual name() {
        return new Bilingual(nameZh, nameEn);
    }

    public String name(Locale locale) {
        return name().in(locale);
    }

    public Category getCategory() {
        return category;
    }

    public Unit getUnit() {
        return unit;
    }

    public FormTemplate getForm() {
        return form;
    }

    public boolean isCore() {
        return core;
    }

    public boolean isOpenToAll() {
        return openToAll;
    }

    /** Whether people of {@code unitOfPerson} may start it: every unit, or the owning unit and its sub-offices. */
    public boolean openTo(Unit unitOfPerson) {
        if (openToAll) {
            return true;
        }
        for (Unit u = unitOfPerson; u != null; u = u.getParent()) {
            if (u.getId() != null && u.getId().equals(unit.getId())) {
                return true;
            }
        }
        return false;
    }

    /** The module a unit needs to use it (O2.7): official documents for 公文, flows for the others. */
    public cn.edu.xietong.directory.Module module() {
        return switch (category) {
            case OFFICIAL_DOCUMENT -> cn.edu.xietong.directory.Module.OFFICIAL_DOCUMENTS;
            case PUBLISHING -> cn.edu.xietong.directory.Module.NOTICES;
            case CONTROLLED_DOWNLOAD -> cn.edu.xietong.directory.Module.DOCUMENTS;
            default -> cn.edu.xietong.directory.Module.FLOWS;
        };
    }

    public DesignStatus getStatus() {
        return status;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }
}
