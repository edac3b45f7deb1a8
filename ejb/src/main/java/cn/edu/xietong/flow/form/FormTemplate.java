package cn.edu.xietong.flow.form;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * One version of a form template (A1). A draft is edited in the designer; publishing freezes it, and the next change
 * is a new version with the same code, so that flows and the instances they started keep the form they were made
 * with.
 */
@Entity
@Table(name = "form_template")
@NamedQuery(name = FormTemplate.OF_UNITS, query = "select f from FormTemplate f where f.unit.id in :units"
        + " order by f.code, f.version desc")
@NamedQuery(name = FormTemplate.LATEST, query = "select max(f.version) from FormTemplate f where f.code = :code")
public class FormTemplate {

    public static final String OF_UNITS = "FormTemplate.ofUnits";
    public static final String LATEST = "FormTemplate.latest";

    @Id
    @SequenceGenerator(name = "form_template_seq", sequenceName = "form_template_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "form_template_seq")
    private Long id;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false)
    private int version;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @Column(name = "fields_json", nullable = false, length = FormSchema.MAX_JSON)
    private String fieldsJson;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Transient
    private FormSchema schema;

    protected FormTemplate() {
    }

    public FormTemplate(String code, int version, String nameZh, String nameEn, Unit unit, FormSchema schema,
                        Instant at, String by) {
        this.code = code;
        this.version = version;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
        this.fieldsJson = schema.toJson();
        this.schema = schema;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public FormSchema schema() {
        if (schema == null) {
            schema = PARSED.computeIfAbsent(fieldsJson, FormSchema::fromJson);
            if (PARSED.size() > PARSED_LIMIT) {
                PARSED.clear();
            }
        }
        return schema;
    }

    /** Parsed templates by their exact text: a form is read far more often than it changes. */
    private static final Map<String, FormSchema> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 500;

    /** Changes a draft; a published version never changes. */
    public void revise(String newNameZh, String newNameEn, FormSchema newSchema, Instant at, String by) {
        if (published) {
            throw new DomainException("form.published");
        }
        this.nameZh = newNameZh;
        this.nameEn = newNameEn;
        this.fieldsJson = newSchema.toJson();
        this.schema = newSchema;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Freezes this version; it must be sound. */
    public void publish(Instant at, String by) {
        if (published) {
            throw new DomainException("form.published");
        }
        if (!schema().problems().isEmpty()) {
            throw new DomainException("form.design.invalid");
        }
        published = true;
        updatedAt = at;
        updatedBy = by;
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

    public Unit getUnit() {
        return unit;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
