package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Which replica holds a tenant's CometD subscription: a {@code worker_lease} row on lane -3 (lane -1
 * is the planner, -2 the Account resolver), with an expiry the holder renews. Exactly one live
 * holder per tenant; a dead one is replaced once its row expires.
 */
@ApplicationScoped
class SubscriptionLease {

    static final int LANE = -3;

    private final Pool pool;

    SubscriptionLease(Pool pool) {
        this.pool = pool;
    }

    /**
     * Takes or renews the tenant's lease for {@code holder}; false while another live replica holds it.
     * {@code contactsLiveSince}: since when the holder's subscriber has been subscribed to Contact
     * changes without a break (null: not subscribed), published for {@link #contactsLiveSince}.
     */
    Uni<Boolean> hold(String tenantId, String holder, Duration duration, Instant contactsLiveSince) {
        return pool.preparedQuery("insert into worker_lease (tenant_id, lane, holder, until, live_since) "
                + "values ($1, $2, $3, now() + make_interval(secs => $4), $5) on conflict (tenant_id, lane) do update "
                + "set holder = excluded.holder, until = excluded.until, live_since = excluded.live_since "
                + "where worker_lease.until < now() or worker_lease.holder = excluded.holder returning holder")
                .execute(Tuple.from(java.util.Arrays.asList(tenantId, LANE, holder, duration.toMillis() / 1000.0,
                        contactsLiveSince == null ? null : contactsLiveSince.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<Void> release(String tenantId, String holder) {
        return pool.preparedQuery("delete from worker_lease where tenant_id = $1 and lane = $2 and holder = $3")
                .execute(Tuple.of(tenantId, LANE, holder))
                .replaceWithVoid();
    }

    /**
     * Inside the caller's transaction: whether {@code holder} still holds the lease. Locks the row
     * (shared) so no other replica takes it over before this transaction ends: a replica that lost
     * its lease can never store a replay id.
     */
    static Uni<Boolean> stillHeld(Mutiny.Session session, String tenantId, String holder) {
        return session.createNativeQuery("select holder from worker_lease where tenant_id = ?1 and lane = ?2 "
                + "and holder = ?3 and until > now() for share", String.class)
                .setParameter(1, tenantId)
                .setParameter(2, LANE)
                .setParameter(3, holder)
                .getResultList()
                .map(rows -> !rows.isEmpty());
    }

    /**
     * Tenants that should stream: auto-sync on, connected, org known. Read here rather than through
     * the tenant feature because it is one read-only statement run every tick.
     */
    Uni<List<String>> streamingTenants() {
        return pool.query("select tenant_id from salesforce_connection where auto_sync and state = 'CONNECTED' "
                + "and org_id is not null order by tenant_id")
                .execute()
                .map(SubscriptionLease::tenantIds);
    }

    /** The platform event channels each tenant configured. */
    Uni<List<String>> platformChannels(String tenantId) {
        return pool.preparedQuery("select channel from platform_event_channel where tenant_id = $1 order by channel")
                .execute(Tuple.of(tenantId))
                .map(rows -> column(rows, "channel"));
    }

    private static List<String> tenantIds(RowSet<Row> rows) {
        return column(rows, "tenant_id");
    }

    private static List<String> column(RowSet<Row> rows, String name) {
        List<String> values = new ArrayList<>();
        for (Row row : rows) {
            values.add(row.getString(name));
        }
        return values;
    }
}
