package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Read-only figures of a tenant's pipeline, each in one statement. */
@ApplicationScoped
class OutboxStatsRepository {

    /*
     * One round trip. The oldest waiting change is the older of the oldest unplanned event and the
     * oldest pending item; ages use the database clock, like every stored time.
     */
    private static final String STATS = "with o as (select "
            + "count(*) filter (where status = 'PENDING' and priority = 0) as pending, "
            + "count(*) filter (where status = 'PENDING' and priority > 0) as pending_backfill, "
            + "count(*) filter (where status = 'IN_FLIGHT') as in_flight, "
            + "count(*) filter (where status = 'FAILED') as failed, "
            + "count(*) filter (where status = 'DONE') as done, "
            + "min(created_at) filter (where status = 'PENDING') as oldest_pending "
            + "from outbox_item where tenant_id = $1), "
            + "e as (select count(*) as unplanned, min(received_at) as oldest_event "
            + "from member_event where tenant_id = $1 and planned_at is null) "
            + "select e.unplanned, o.pending, o.pending_backfill, o.in_flight, o.failed, o.done, "
            + "floor(extract(epoch from now() - least(e.oldest_event, o.oldest_pending)))::bigint as oldest_age, "
            + "(select created_at from sync_log where tenant_id = $1 and outcome = 'SUCCESS' "
            + "order by id desc limit 1) as last_success, "
            + "(exists (select 1 from member_event where tenant_id = $1) "
            + "or exists (select 1 from sync_log where tenant_id = $1)) as history "
            + "from o, e";

    private final Pool pool;

    OutboxStatsRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<OutboxStats> stats(String tenantId) {
        return pool.preparedQuery(STATS)
                .execute(Tuple.of(tenantId))
                .map(rows -> toStats(rows.iterator().next()));
    }

    /** Whether the tenant ever sent an event or has sync history. */
    Uni<Boolean> known(String tenantId) {
        return pool.preparedQuery("select exists (select 1 from member_event where tenant_id = $1) "
                + "or exists (select 1 from sync_log where tenant_id = $1)")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Which of these items of the tenant are FAILED now. */
    Uni<Set<Long>> failedAmong(String tenantId, Collection<Long> itemIds) {
        return pool.preparedQuery("select id from outbox_item where tenant_id = $1 and id = any($2) "
                + "and status = 'FAILED'")
                .execute(Tuple.of(tenantId, itemIds.toArray(Long[]::new)))
                .map(OutboxStatsRepository::ids);
    }

    /** Writes waiting per tenant, across tenants: unplanned member events plus pending outbox items. */
    Uni<Map<String, Long>> waitingByTenant() {
        return pool.query("select tenant_id, sum(n)::bigint from (select tenant_id, count(*) as n from member_event "
                + "where planned_at is null group by tenant_id union all select tenant_id, count(*) from outbox_item "
                + "where status = 'PENDING' group by tenant_id) w group by tenant_id")
                .execute()
                .map(OutboxStatsRepository::countsByTenant);
    }

    private static Map<String, Long> countsByTenant(RowSet<Row> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static OutboxStats toStats(Row row) {
        long pending = row.getLong("pending");
        long inFlight = row.getLong("in_flight");
        long failed = row.getLong("failed");
        long done = row.getLong("done");
        long unplanned = row.getLong("unplanned");
        long backfill = row.getLong("pending_backfill");
        boolean known = row.getBoolean("history") || pending + backfill + inFlight + failed + done > 0;
        return new OutboxStats(unplanned, pending, backfill, inFlight, failed, done, row.getLong("oldest_age"),
                instant(row.getOffsetDateTime("last_success")), known);
    }

    private static Set<Long> ids(RowSet<Row> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getLong(0)));
        return ids;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
