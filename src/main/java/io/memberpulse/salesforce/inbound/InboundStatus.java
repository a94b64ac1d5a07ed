package io.memberpulse.salesforce.inbound;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Salesforce -> MemberPulse at a glance: streaming positions, reconciliation, webhook deliveries. */
@Schema(name = "SyncStatusInbound")
public record InboundStatus(
        @Schema(description = "Per streaming channel: the last applied replay id, its age and the lag")
        List<Channel> channels,
        @Schema(description = "The last finished reconciliation; null before the first", nullable = true)
        Reconciliation lastReconciliation,
        Webhook webhook) {

    /** Where one CDC or platform event channel stands. */
    @Schema(name = "SyncStatusInboundChannel")
    public record Channel(
            @Schema(example = "/data/ContactChangeEvent")
            String channel,
            @Schema(description = "Replay id of the last event whose effect is committed")
            long lastReplayId,
            @Schema(description = "Seconds since that replay id was stored")
            long replayIdAgeSeconds,
            @Schema(description = "Seconds between now and Salesforce's commit of that event; null when unknown",
                    nullable = true)
            Long lagSeconds) {
    }

    /** What the last reconciliation found. */
    @Schema(name = "SyncStatusReconciliation")
    public record Reconciliation(
            Instant at,
            @Schema(description = "Contacts and Leads changed since the watermark that were looked at")
            int examined,
            @Schema(description = "Missed changes it delivered to MemberPulse")
            int applied,
            @Schema(description = "Why it failed; null when it succeeded", nullable = true)
            String error) {
    }

    /** Deliveries to MemberPulse core. */
    @Schema(name = "SyncStatusWebhook")
    public record Webhook(
            @Schema(description = "Deliveries not yet acknowledged by MemberPulse core")
            long pending,
            @Schema(description = "Of those, deliveries that failed at least once and wait for a retry")
            long retrying,
            @Schema(description = "When the oldest unacknowledged delivery was queued", nullable = true)
            Instant oldestPendingSince,
            @Schema(description = "Why deliveries cannot be sent now (e.g. no webhook URL configured); null when "
                    + "they can", nullable = true)
            String problem) {
    }
}
