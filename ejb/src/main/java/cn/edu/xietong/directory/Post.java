package cn.edu.xietong.directory;

import cn.edu.xietong.shared.DisplayText;
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
import jakarta.persistence.Version;

import java.util.Objects;

/** A post (职务) in a unit: 院长, 办公室主任, 辅导员 … People hold posts through {@link Appointment}s (O3.1). */
@Entity
@Table(name = "unit_post")
@NamedQuery(name = Post.OF_UNIT, query = "select p from Post p where p.unit.id = :unit order by p.name")
public class Post {

    /** The longest post name (S3: a longer one is refused, never cut). */
    public static final int MAX_NAME = 50;

    public static final String OF_UNIT = "Post.ofUnit";

    @Id
    @SequenceGenerator(name = "unit_post_seq", sequenceName = "unit_post_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_post_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Version
    private long version;

    protected Post() {
    }

    public Post(Unit unit, String name) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.name = DisplayText.name(name, MAX_NAME).orElseThrow(
                () -> new IllegalArgumentException("a post needs a visible name of at most 50 characters"));
    }

    public Long getId() {
        return id;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getName() {
        return name;
    }
}
