package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Whether a tenant's Contact changes reach this service live, for features that keep a copy of a
 * Contact value up to date from the change events (the tag picklist's baseline). Answered from the
 * subscription lease, so any replica can ask, whichever replica holds the subscription.
 */
@ApplicationScoped
public class ContactStream {

    private final Pool pool;

    ContactStream(Pool pool) {
        this.pool = pool;
    }

    /**
     * Since when the tenant's Contact change events have been received without a break: set while a
     * live replica holds the subscription and is subscribed to {@code /data/ContactChangeEvent};
     * null otherwise (auto-sync off, not connected, Change Data Capture not enabled for Contact,
     * reconnecting, or the holder died and its lease has not expired yet: up to the lease duration).
     */
    public Uni<Instant> liveSince(String tenantId) {
        return pool.preparedQuery("select live_since from worker_lease where tenant_id = $1 and lane = $2 "
                + "and until > now()")
                .execute(Tuple.of(tenantId, SubscriptionLease.LANE))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    OffsetDateTime since = rows.iterator().next().getOffsetDateTime("live_since");
                    return since == null ? null : since.toInstant();
                });
    }
}
