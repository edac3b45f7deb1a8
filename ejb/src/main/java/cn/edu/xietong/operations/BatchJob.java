package cn.edu.xietong.operations;

import java.util.Optional;

/**
 * The catalogue of batch jobs operators may start (C1). The job XML lives in the batch module under
 * META-INF/batch-jobs/{@code <xmlName>}.xml.
 */
public enum BatchJob {
    /** Counts the rows of every table and stores a {@link SelfCheckReport}. */
    SELF_CHECK("self-check"),
    /** The weekly backup (E3, O2.2): database snapshot, files, manifest; see {@code cn.edu.xietong.backup}. */
    BACKUP("weekly-backup"),
    /** Re-reads a backup set against its manifest. */
    BACKUP_VERIFY("backup-verify"),
    /** The confidentiality inspection (O1.7); see {@code cn.edu.xietong.inspection}. */
    INSPECTION("confidentiality-inspection"),
    /** The weekly cleanup (E3, A4): old mail trash, drafts, uploads, tokens, outbox, job runs; see {@code cleanup}. */
    CLEANUP("weekly-cleanup");

    private final String xmlName;

    BatchJob(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    /** The job whose XML has this name, if it is in the catalogue. */
    public static Optional<BatchJob> byXmlName(String xmlName) {
        for (BatchJob job : values()) {
            if (job.xmlName.equals(xmlName)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** The job parameter that names the person who started a run. */
    public static final String STARTED_BY = "startedBy";

    /**
     * The job parameter that names the cluster node (WildFly's {@code jboss.node.name}) that runs an execution, set
     * on every start and restart by {@link JobStarter}'s implementation: after a crash, a node marks only its own
     * unfinished runs as failed ({@link InterruptedRuns}).
     */
    public static final String NODE = "xietong.node";

    /** This server's node name, as {@link #NODE} records it. */
    public static String thisNode() {
        return System.getProperty("jboss.node.name", "localhost");
    }

    /** Who started a run, as its {@link #STARTED_BY} parameter says; {@code system} when none does. */
    public static String starter(String startedByParameter) {
        return startedByParameter == null || startedByParameter.isBlank() ? "system" : startedByParameter;
    }
}
