package io.memberpulse.salesforce.status;

import io.memberpulse.salesforce.inbound.InboundStatus;
import io.memberpulse.salesforce.tenant.ConnectionState;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's sync at a glance, for the portal's status panel. */
@Schema(name = "SyncStatus")
public record StatusView(
        Connection connection,
        Pipeline pipeline,
        ApiUsage apiUsage,
        @Schema(description = "One sentence for the admin: what is going on and what to do")
        String summary,
        @Schema(description = "Salesforce changes on their way to MemberPulse")
        InboundStatus inbound) {

    /** Whether and how the tenant reaches its org. */
    @Schema(name = "SyncStatusConnection")
    public record Connection(
            @Schema(description = "NOT_CONNECTED (also when no connection is set up), CONNECTED, RECONNECT_NEEDED")
            ConnectionState state,
            @Schema(description = "Why the state is what it is", nullable = true)
            String stateDetail,
            @Schema(nullable = true)
            String orgId,
            boolean autoSync,
            @Schema(description = "Salesforce calls wait until then (daily API limit or the tenant's API budget)",
                    nullable = true)
            Instant pausedUntil,
            @Schema(description = "The tenant's circuit breaker: CLOSED, OPEN (Salesforce failing, calls held "
                    + "back briefly) or HALF_OPEN")
            String circuitBreaker) {
    }

    /** What waits, runs and failed. */
    @Schema(name = "SyncStatusPipeline")
    public record Pipeline(
            @Schema(description = "Member events received, not yet planned")
            long unplannedEvents,
            @Schema(description = "Live changes waiting to be sent")
            long pending,
            @Schema(description = "Backfill changes waiting (served after live ones)")
            long pendingBackfill,
            @Schema(description = "Changes in a Salesforce call now")
            long inFlight,
            @Schema(description = "Writes Salesforce refused; see the sync log and retry")
            long failed,
            @Schema(nullable = true)
            Instant lastSuccessAt,
            @Schema(description = "Age of the oldest change not yet sent (the sync's lag)", nullable = true)
            Long oldestPendingAgeSeconds) {
    }

    /** The org's daily API usage as Salesforce last reported it, against the tenant's budget. */
    @Schema(name = "SyncStatusApiUsage")
    public record ApiUsage(
            @Schema(description = "API calls used in the org's rolling 24 hours; null before the first call",
                    nullable = true)
            Long used,
            @Schema(description = "The org's daily API limit; null before the first call", nullable = true)
            Long max,
            @Schema(description = "Share of the daily limit the sync may use (field-mapping setting)")
            double budgetShare,
            @Schema(description = "Share of that budget used: used / (max x budgetShare); null before the first call",
                    nullable = true)
            Double budgetUsed) {
    }
}
