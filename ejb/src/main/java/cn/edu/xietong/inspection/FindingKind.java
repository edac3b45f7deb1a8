package cn.edu.xietong.inspection;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the confidentiality inspection reports (O1.7). Each kind is a report line's kind ({@link #key()}, message key
 * {@code report.<key>}); the order here is the order of the supervising office's page.
 */
public enum FindingKind {
    /** S4: a controlled document in the public library, which every member of staff reads. */
    CONTROLLED_PUBLIC("inspection.controlledPublic"),
    /** S4: a controlled document granted to a unit outside the unit that owns it (another unit, or a unit above). */
    CONTROLLED_OTHER_UNIT("inspection.controlledOtherUnit"),
    /** S4: a controlled document granted to a role, whose holders are found all over the school. */
    CONTROLLED_ROLE("inspection.controlledRole"),
    /** E2, S5: a document of the public library without the department that owns it. */
    DOCUMENT_NO_OWNER("inspection.documentNoOwner"),
    /** S3: someone who left (deactivated, or reported as a leaver) still holds a role beyond STAFF. */
    LEAVER_ROLE("inspection.leaverRole"),
    /** S3: someone who left still holds a right on a library, folder or document. */
    LEAVER_DOCUMENT_RIGHT("inspection.leaverDocumentRight"),
    /** S3, B4: someone who left still holds a publishing right. */
    LEAVER_PUBLISHING_RIGHT("inspection.leaverPublishingRight"),
    /** O1.4: someone who left is still on a core flow's list of participants. */
    LEAVER_CORE_LIST("inspection.leaverCoreList"),
    /** S2: an active privileged account without an enrolled second factor. */
    PRIVILEGED_NO_SECOND_FACTOR("inspection.privilegedNoSecondFactor"),
    /** S2: an active privileged account whose password has expired. */
    PRIVILEGED_PASSWORD_EXPIRED("inspection.privilegedPasswordExpired"),
    /** O1.4: a to-do (or copy) of a running core flow held by someone not on that flow's list. */
    CORE_NOT_LISTED("inspection.coreNotListed"),
    /** O2.7: a top-level unit whose module rights differ from what the previous inspection saw. */
    MODULE_RIGHTS_CHANGED("inspection.moduleRightsChanged");

    private final String key;

    FindingKind(String key) {
        this.key = key;
    }

    /** The report line's kind. */
    public String key() {
        return key;
    }

    public static Optional<FindingKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
