package cn.edu.xietong.documents;

import java.io.Serializable;
import java.time.Instant;

/**
 * A request for a controlled download as its requester's page lists it (S4): when, why, where it stands, its flow,
 * until when an approval is good and whether it can be used now.
 */
public record DownloadRequestLine(long id, Instant requestedAt, String reason, DownloadApproval.State state,
                                  Long instanceId, Instant validUntil, Instant usedAt, boolean usable)
        implements Serializable {

    static DownloadRequestLine of(DownloadApproval a, Instant now) {
        return new DownloadRequestLine(a.getId(), a.getRequestedAt(), a.getReason(), a.getState(), a.getInstanceId(),
                a.getValidUntil(), a.getUsedAt(), a.usableAt(now));
    }
}
