package io.memberpulse.salesforce.outbound;

import java.time.Instant;

/**
 * How far a tenant's outbound pipeline is, at one moment.
 *
 * @param unplannedEvents          member events stored but not yet turned into outbox work
 * @param pending                  live changes waiting to be sent
 * @param pendingBackfill          backfill changes waiting to be sent (served after live ones)
 * @param inFlight                 changes in a Salesforce call right now
 * @param failed                   changes Salesforce refused for good, waiting for an admin's retry
 * @param done                     changes written (or found unchanged, or merged into a later change)
 * @param oldestPendingAgeSeconds  age of the oldest change not yet sent (oldest unplanned event or
 *                                 pending item), null when nothing waits
 * @param lastSuccessAt            time of the latest successful write, null before the first one
 * @param known                    whether the tenant ever sent an event or has any outbound history
 */
public record OutboxStats(long unplannedEvents, long pending, long pendingBackfill, long inFlight, long failed,
        long done, Long oldestPendingAgeSeconds, Instant lastSuccessAt, boolean known) {

    /** Changes not yet in Salesforce: unplanned events, pending items of both priorities, calls in flight. */
    public long waiting() {
        return unplannedEvents + pending + pendingBackfill + inFlight;
    }
}
