package io.memberpulse.salesforce.synclog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a retry of every failed write of a tenant did. */
@Schema(name = "SyncLogBulkRetry")
public record BulkRetryView(
        @Schema(description = "Failed writes put back in the queue (requeued, merged or superseded)")
        int requeued) {
}
