package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Applies Salesforce changes to MemberPulse: drops echoes of the service's own writes, decides each
 * mapped field by its rule, updates the member links and queues webhook deliveries to MemberPulse
 * core, in order per member.
 *
 * <p>Contract for every source: call it <em>inside</em> a transaction the caller opened
 * ({@code Panache.withTransaction}) and store the source's own position (replay id, notification
 * state, watermark) in that same transaction, so an event's effect and its position commit
 * together or not at all. Applying the same change twice queues nothing twice.
 */
public interface InboundApplier {

    /** Applies {@code changes} for {@code tenantId} in the caller's transaction, in list order. */
    Uni<ApplyResult> apply(String tenantId, List<SalesforceChange> changes);

    /**
     * What an apply did, for metrics, logs and tests. {@code staleDropped}: changes older than one
     * already applied to their record (a source read the record before a newer change was applied).
     */
    record ApplyResult(int delivered, int echoesDropped, int unchangedDropped, int unlinked, int staleDropped) {
    }
}
