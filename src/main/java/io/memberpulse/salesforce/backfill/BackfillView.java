package io.memberpulse.salesforce.backfill;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backfill job's progress. */
@Schema(name = "BackfillJob")
public record BackfillView(long jobId, String status,
        @Schema(description = "COLLECTIONS (up to the bulk threshold) or BULK (Bulk API 2.0), once started")
        String mode, long total, long done, long failed, long pending,
        @Schema(description = "Salesforce API calls the job used so far")
        long apiCalls,
        @Schema(description = "Estimated seconds until done, from the rate so far; null until known")
        Long estimatedSecondsLeft,
        String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
