package cn.edu.xietong.documents;

import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A folder of a library; folders form a tree under the library's root (a folder without parent is at the root). A
 * move that would put a folder under itself or one of its own sub-folders is refused.
 */
@Entity
@Table(name = "doc_folder")
@NamedQuery(name = Folder.AT_ROOT, query = "select f from Folder f where f.library = :library and f.parent is null"
        + " order by f.name")
@NamedQuery(name = Folder.UNDER, query = "select f from Folder f where f.parent = :parent order by f.name")
@NamedQuery(name = Folder.OF_LIBRARY, query = "select f from Folder f where f.library = :library")
@NamedQuery(name = Folder.COPIES, query = "select f from Folder f where f.library = :library and f.copies = true")
public class Folder {

    public static final String AT_ROOT = "Folder.atRoot";
    public static final String UNDER = "Folder.under";
    public static final String COPIES = "Folder.copies";
    public static final String OF_LIBRARY = "Folder.ofLibrary";
    public static final int MAX_NAME = 200;

    @Id
    @SequenceGenerator(name = "doc_folder_seq", sequenceName = "doc_folder_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "doc_folder_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "library_id", nullable = false)
    private Library library;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Folder parent;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** The folder that holds a unit's copies of the public documents it owns (E2). */
    @Column(nullable = false)
    private boolean copies;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Folder() {
    }

    public Folder(Library library, Folder parent, String name, boolean copies, Instant createdAt) {
        this.library = library;
        this.name = checkedName(name);
        this.copies = copies;
        this.createdAt = createdAt;
        if (parent != null) {
            moveTo(parent);
        }
    }

    /** A folder's or document's name: visible, at most 200 characters, without path separators. */
    static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.contains("/") || stripped.contains("\\")
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new DomainException("document.badName");
        }
        return stripped;
    }

    /**
     * Puts this folder under another of the same library (null: at the root).
     *
     * @throws DomainException {@code document.folder.cycle} when the target is this folder or lies below it
     */
    public void moveTo(Folder target) {
        for (Folder f = target; f != null; f = f.parent) {
            if (f.isSameAs(this)) {
                throw new DomainException("document.folder.cycle");
            }
        }
        if (target != null && !target.library.isSameLibrary(library)) {
            throw new DomainException("document.folder.otherLibrary");
        }
        this.parent = target;
    }

    boolean isSameAs(Folder other) {
        return other == this || (id != null && other != null && id.equals(other.id));
    }

    public void rename(String name) {
        this.name = checkedName(name);
    }

    /** This folder and the ones above it, from the root down. */
    public List<Folder> path() {
        List<Folder> path = new ArrayList<>();
        for (Folder f = this; f != null; f = f.parent) {
            path.add(f);
        }
        Collections.reverse(path);
        return path;
    }

    public Long getId() {
        return id;
    }

    public Library getLibrary() {
        return library;
    }

    public Folder getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public boolean isCopies() {
        return copies;
    }
}
