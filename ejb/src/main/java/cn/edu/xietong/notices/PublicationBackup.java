package cn.edu.xietong.notices;

import cn.edu.xietong.shared.BackupStore;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Entities;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the publish-time copy of an important item (E1): the moment a version of an item whose category is marked
 * important is published, a self-contained HTML file of what was published (title, category, unit, version, when, the
 * approving flow instance, the sanitised text) is written to the {@link BackupStore} under
 * {@code published/<year>/<month>/}, read-only, and recorded with its SHA-256. The copy is written inside the
 * publishing transaction: if it cannot be written, the publication does not happen (the approver is told), so no
 * important item is ever published without its copy.
 */
final class PublicationBackup {

    private static final Logger LOG = Logger.getLogger(PublicationBackup.class.getName());

    private PublicationBackup() {
    }

    /** Copies a version just published, if its category is important and it has no copy yet. */
    static void copyIfImportant(EntityManager em, Notice notice, NoticeVersion version, Instant at) {
        if (!notice.getCategory().isImportant() || !em.createNamedQuery(PublicationCopy.OF_VERSION,
                PublicationCopy.class).setParameter("version", version.getId()).getResultList().isEmpty()) {
            return;
        }
        byte[] content = document(notice, version, at).getBytes(StandardCharsets.UTF_8);
        ZonedDateTime local = at.atZone(Campus.zone());
        // named by its content too: a copy left by a publication that then failed never stands in the way of the next
        String relative = String.format("published/%04d/%02d/notice-%d-v%d-%s.html", local.getYear(),
                local.getMonthValue(), notice.getId(), version.getNumber(), sha256(content).substring(0, 12));
        BackupStore.Copy copy;
        try {
            copy = BackupStore.write(relative, new ByteArrayInputStream(content));
        } catch (IOException failed) {
            LOG.log(Level.SEVERE, "E1: the publish-time copy of notice " + notice.getId() + " v" + version.getNumber()
                    + " could not be written to " + relative + " in the backup store; the publication is refused",
                    failed);
            throw new DomainException("notice.backupFailed");
        }
        em.persist(new PublicationCopy(notice.getId(), version.getId(), copy.path(), copy.sha256(), copy.size(), at));
        String sha256 = copy.sha256();
        LOG.info(() -> "E1: notice " + notice.getId() + " v" + version.getNumber() + " copied to " + copy.path()
                + " sha256=" + sha256);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String document(Notice notice, NoticeVersion version, Instant at) {
        String title = Entities.escape(version.getTitle());
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"xietong-notice\" content=\"" + notice.getId() + "\">"
                + "<meta name=\"xietong-version\" content=\"" + version.getNumber() + "\">"
                + "<meta name=\"xietong-instance\" content=\"" + version.getInstanceId() + "\">"
                + "</head><body><header><h1>" + title + "</h1><dl>"
                + "<dt>类别 Category</dt><dd>" + Entities.escape(notice.getCategory().name().zh() + " / "
                + notice.getCategory().name().en()) + "</dd>"
                + "<dt>发布单位 Unit</dt><dd>" + Entities.escape(notice.getUnit().getNameZh() + " / "
                + notice.getUnit().getNameEn()) + "</dd>"
                + "<dt>版本 Version</dt><dd>" + version.getNumber() + "</dd>"
                + "<dt>发布时间 Published</dt><dd>" + at + "</dd>"
                + "<dt>作者 Author</dt><dd>" + Entities.escape(version.getAuthor().getFullName() + " ("
                + version.getAuthor().getLogin() + ")") + "</dd>"
                + "</dl></header><article>" + version.getBodyHtml() + "</article></body></html>\n";
    }

}
