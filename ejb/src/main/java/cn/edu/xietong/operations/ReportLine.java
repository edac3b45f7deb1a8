package cn.edu.xietong.operations;

import java.util.Objects;

/**
 * One line of a batch run's report, as a job writes it and a page shows it.
 *
 * @param kind    what was done or found: the suffix of the message key {@code report.<kind>} (e.g.
 *                {@code cleanup.mailTrash}, {@code inspection.controlledTooWide})
 * @param subject what it concerns, in words a reader recognises (a document's title, a person's name); a subject
 *                longer than {@value JobReportLine#SUBJECT_LENGTH} characters is refused, never cut
 * @param link    a path inside Xietong where the reader can look at it, or {@code null}
 * @param amount  how many (items removed, rows, grants …)
 * @param bytes   how many bytes it concerns (space freed), 0 when none
 */
public record ReportLine(String kind, String subject, String link, long amount, long bytes) {

    public ReportLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (!kind.matches("[a-z][A-Za-z0-9.]{0,63}")) {
            throw new IllegalArgumentException("a report line's kind is a message key suffix: " + kind);
        }
        if (subject.length() > JobReportLine.SUBJECT_LENGTH) {
            throw new IllegalArgumentException("a report line's subject is longer than "
                    + JobReportLine.SUBJECT_LENGTH + " characters");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 500)) {
            throw new IllegalArgumentException("a report line's link is a path inside Xietong: " + link);
        }
        if (amount < 0 || bytes < 0) {
            throw new IllegalArgumentException("a report line counts from zero");
        }
    }

    /** A line that counts something removed or found, without a link. */
    public static ReportLine count(String kind, String subject, long amount, long bytes) {
        return new ReportLine(kind, subject, null, amount, bytes);
    }

    /** A line that names one thing found, with where to look at it. */
    public static ReportLine finding(String kind, String subject, String link) {
        return new ReportLine(kind, subject, link, 1, 0);
    }
}
