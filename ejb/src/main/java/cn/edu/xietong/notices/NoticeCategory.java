package cn.edu.xietong.notices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * A category of what is published (B4): its kind, its names, the publishing flow that approves its items (the code of
 * a PUBLISHING flow design: designed, reviewed and versioned like every flow), whether its items are important enough
 * to be backed up the moment they are published (E1), and after how many days an item is due for review (O1.6).
 */
@Entity
@Table(name = "notice_category")
@NamedQuery(name = NoticeCategory.ACTIVE, query = "select c from NoticeCategory c where c.active = true order by c.id")
public class NoticeCategory {

    public static final String ACTIVE = "NoticeCategory.active";

    @Id
    @SequenceGenerator(name = "notice_category_seq", sequenceName = "notice_category_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_category_seq")
    private Long id;

    @Column(nullable = false, length = 32, unique = true)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoticeKind kind;

    @Column(name = "design_code", nullable = false, length = 64)
    private String designCode;

    @Column(nullable = false)
    private boolean important;

    @Column(name = "review_days", nullable = false)
    private int reviewDays = 180;

    @Column(nullable = false)
    private boolean active = true;

    protected NoticeCategory() {
    }

    public NoticeCategory(String code, String nameZh, String nameEn, NoticeKind kind, String designCode,
                          boolean important) {
        this.code = Objects.requireNonNull(code);
        this.nameZh = Objects.requireNonNull(nameZh);
        this.nameEn = Objects.requireNonNull(nameEn);
        this.kind = Objects.requireNonNull(kind);
        this.designCode = Objects.requireNonNull(designCode);
        this.important = important;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public cn.edu.xietong.shared.Bilingual name() {
        return new cn.edu.xietong.shared.Bilingual(nameZh, nameEn);
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getDesignCode() {
        return designCode;
    }

    public boolean isImportant() {
        return important;
    }

    public int getReviewDays() {
        return reviewDays;
    }

    public boolean isActive() {
        return active;
    }
}
