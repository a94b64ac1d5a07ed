package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;

/**
 * Where each of a tenant's streaming channels resumes: the last replay id applied and the commit time
 * of its event. Stored in the transaction that applied the event. A negative replay id means "no
 * usable replay id; caught up by SOQL until {@code committedAt}".
 */
interface ReplayPositions {

    /** A channel's stored position. */
    record Position(long replayId, Instant committedAt) {

        boolean replayable() {
            return replayId >= 0;
        }
    }

    Uni<Map<String, Position>> find(String tenantId);

    /** Joins the caller's transaction. */
    Uni<Void> store(String tenantId, String channel, long replayId, Instant committedAt);
}
