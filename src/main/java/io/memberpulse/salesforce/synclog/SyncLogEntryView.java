package io.memberpulse.salesforce.synclog;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One outcome of a Salesforce write, as the portal shows it. */
@Schema(name = "SyncLogEntry")
public record SyncLogEntryView(
        long id,
        @Schema(description = "The member; null for tenant-wide entries and Contacts linked to no member", nullable = true)
        String memberId,
        @Schema(description = "What was done: CONTACT_UPSERT (a Contact write), INBOUND_CHANGE (a Salesforce change "
                + "for a Contact linked to no member), WEBHOOK_DELIVERY (a delivery to MemberPulse core), RECONCILIATION")
        String operation,
        @Schema(description = "The Salesforce record written, when known")
        String salesforceId,
        SyncOutcome outcome,
        @Schema(description = "Salesforce's error code, e.g. REQUIRED_FIELD_MISSING")
        String errorCode,
        @Schema(description = "Salesforce's error message")
        String errorMessage,
        @Schema(description = "What the admin can do about the error")
        String adminHint,
        @Schema(description = "Attempts the write took")
        int attempts,
        Instant createdAt,
        @Schema(description = "Whether POST /sync-log/{id}/retry can retry it now (its write is still failed)")
        boolean retryable) {
}
