package io.memberpulse.salesforce.synclog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a retry of a failed sync-log entry did with its write. */
@Schema(name = "SyncLogRetry")
public record RetryView(
        long syncLogId,
        long outboxItemId,
        String memberId,
        @Schema(description = "REQUEUED: pending again, due now, attempts reset; MERGED: folded under the "
                + "member's newer pending change, whose values win; SUPERSEDED: every field was changed again "
                + "later, nothing left to send")
        String result,
        @Schema(description = "The write's outbox status now: PENDING when requeued, else DONE")
        String status,
        @Schema(description = "The pending write that now carries the change; null when superseded", nullable = true)
        Long pendingItemId) {
}
