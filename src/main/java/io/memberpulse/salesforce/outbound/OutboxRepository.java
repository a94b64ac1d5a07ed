package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The worker's SQL: leases, claims (FOR UPDATE SKIP LOCKED), and the return of items to the queue. */
@ApplicationScoped
class OutboxRepository {

    private final Pool pool;

    OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** Takes or renews a tenant's slot (-2: the Account resolver) for this replica; false while another live replica holds it. */
    Uni<Boolean> lease(String tenantId, int slot, String holder, Duration duration) {
        return pool.preparedQuery("insert into worker_lease (tenant_id, lane, holder, until) "
                + "values ($1, $2, $3, now() + make_interval(secs => $4)) on conflict (tenant_id, lane) do update "
                + "set holder = excluded.holder, until = excluded.until "
                + "where worker_lease.until < now() or worker_lease.holder = excluded.holder returning holder")
                .execute(Tuple.of(tenantId, slot, holder, (double) duration.toSeconds()))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<Void> release(String tenantId, int slot, String holder) {
        return pool.preparedQuery("delete from worker_lease where tenant_id = $1 and lane = $2 and holder = $3")
                .execute(Tuple.of(tenantId, slot, holder))
                .replaceWithVoid();
    }

    /** Drops every lease this replica holds (shutdown); answers how many there were. */
    Uni<Integer> releaseAll(String holder) {
        return pool.preparedQuery("delete from worker_lease where holder = $1")
                .execute(Tuple.of(holder))
                .map(RowSet::rowCount);
    }

    /**
     * What makes a pending item claimable now ($1 tenant, $2 highest priority): due; its Account
     * resolved; no write of its member in flight (one member's writes never overtake each other);
     * no batch in flight on its Account (Salesforce locks the parent Account: concurrent batches on
     * one Account fail with UNABLE_TO_LOCK_ROW); and, for writes that refer to the Contact, the
     * member has one, or no Contact write of the member is pending or in flight (nothing to wait for).
     */
    private static final String CLAIMABLE = "from outbox_item o "
            + "left join account_link a on a.tenant_id = o.tenant_id and a.name_key = o.company_key "
            + "where o.tenant_id = $1 and o.status = 'PENDING' and o.next_attempt_at <= now() and o.priority <= $2 "
            + "and (o.company_key is null or a.account_id is not null) "
            + "and not exists (select 1 from outbox_item f where f.tenant_id = o.tenant_id "
            + "and f.member_id = o.member_id and f.status = 'IN_FLIGHT') "
            + "and (o.company_key is null or not exists (select 1 from outbox_item k "
            + "where k.tenant_id = o.tenant_id and k.company_key = o.company_key and k.status = 'IN_FLIGHT')) "
            + "and (not o.needs_contact or exists (select 1 from member_link l where l.tenant_id = o.tenant_id "
            + "and l.member_id = o.member_id) or not exists (select 1 from outbox_item c "
            + "where c.tenant_id = o.tenant_id and c.member_id = o.member_id and c.operation = 'CONTACT_UPSERT' "
            + "and c.status in ('PENDING', 'IN_FLIGHT'))) ";

    /**
     * Claims the tenant's next due items of one operation, up to a full batch (one Collections call):
     * the operation of the most urgent claimable item (live before backfill, Contacts before the writes
     * that depend on them, then oldest first), then that operation's claimable items in the same order.
     * The advisory lock serialises the tenant's claims so each sees what the previous one took.
     * Nothing is claimed unless the tenant's connection still has {@code connectionVersion}: the
     * claim's snapshot holds either an item planned after a connection change together with that
     * change, or neither, so such an item is never sent with the credentials read before it.
     */
    Uni<List<ClaimedItem>> claim(String tenantId, long connectionVersion, int limit, Duration claimTimeout,
            int maxPriority) {
        return pool.withTransaction(connection -> lockTenant(connection, tenantId)
                .chain(() -> connection.preparedQuery("select o.operation " + CLAIMABLE
                        + "order by o.priority, (o.operation <> 'CONTACT_UPSERT'), o.id limit 1")
                        .execute(Tuple.of(tenantId, maxPriority)))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(List.<ClaimedItem>of())
                        : claimOperation(connection, tenantId, connectionVersion,
                                rows.iterator().next().getString(0), limit, claimTimeout, maxPriority)));
    }

    private Uni<List<ClaimedItem>> claimOperation(SqlConnection connection, String tenantId, long connectionVersion,
            String operation, int limit, Duration claimTimeout, int maxPriority) {
        return connection.preparedQuery("with picked as (select o.id " + CLAIMABLE + "and o.operation = $5 "
                        + "and exists (select 1 from salesforce_connection s where s.tenant_id = $1 and s.version = $6) "
                        + "order by o.priority, o.id limit $3 for update of o skip locked) "
                        + "update outbox_item o set status = 'IN_FLIGHT', attempts = o.attempts + 1, "
                        + "claimed_until = now() + make_interval(secs => $4), updated_at = now() "
                        + "from picked where o.id = picked.id "
                        + "returning o.id, o.member_id, o.operation, o.item_key, o.fields::text as fields, "
                        + "o.company_key, o.attempts, o.priority, o.backfill_job_id")
                .execute(Tuple.of(tenantId, maxPriority, limit, (double) claimTimeout.toSeconds(), operation,
                        connectionVersion))
                .map(OutboxRepository::claimed);
    }

    /**
     * Serialises the transactions that create or reopen a tenant's pending items (claims, planning,
     * backfill queuing, outcome recording) until commit, so "one pending item per member" never
     * meets a concurrent insert halfway through. Always taken first in those transactions.
     */
    static Uni<Void> lockTenant(SqlConnection connection, String tenantId) {
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtext('outbox:' || $1))")
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    /** Tenants with work due: unplanned events, or pending items whose time has come. */
    Uni<List<String>> tenantsWithWork() {
        return pool.query("select tenant_id from member_event where planned_at is null "
                + "union select tenant_id from outbox_item where status = 'PENDING' and next_attempt_at <= now()")
                .execute()
                .map(rows -> {
                    List<String> tenants = new ArrayList<>();
                    rows.forEach(row -> tenants.add(row.getString(0)));
                    return tenants;
                });
    }

    /** Items whose claim ran out (their replica died mid-call): back to the queue. */
    Uni<List<Long>> expiredClaims() {
        return pool.query("select id from outbox_item where status = 'IN_FLIGHT' and claimed_until < now() "
                + "limit 1000")
                .execute()
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    /**
     * Returns in-flight items to the queue at the given times. Where the member meanwhile got a newer
     * pending write, the old values fold under it (newer values win) and the old item closes, so
     * there is still exactly one pending write per member.
     */
    Uni<Void> requeue(SqlConnection connection, List<Long> ids, List<java.time.Instant> at, List<String> codes,
            List<String> messages, boolean countAttempt) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        return connection.preparedQuery("with merged as (update outbox_item p set "
                        + "fields = f.fields || p.fields, field_times = f.field_times || p.field_times, "
                        + "company_key = coalesce(p.company_key, f.company_key), updated_at = now() "
                        + "from outbox_item f where f.id = any($1) and p.tenant_id = f.tenant_id "
                        + "and p.member_id = f.member_id and p.operation = f.operation and p.item_key = f.item_key "
                        + "and p.status = 'PENDING' "
                        + "returning f.id) "
                        + "update outbox_item o set status = 'DONE', claimed_until = null, updated_at = now(), "
                        + "last_error_code = 'SUPERSEDED' from merged where o.id = merged.id")
                .execute(Tuple.of(idArray))
                .chain(() -> connection.preparedQuery("update outbox_item o set status = 'PENDING', "
                        + "claimed_until = null, next_attempt_at = u.at, last_error_code = u.code, "
                        + "last_error_message = u.message, updated_at = now(), "
                        + "attempts = o.attempts - (case when $5 then 0 else 1 end) "
                        + "from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[]) "
                        + "as u(id, at, code, message) where o.id = u.id and o.status = 'IN_FLIGHT'")
                        .execute(Tuple.of(idArray,
                                at.stream().map(t -> t.atOffset(java.time.ZoneOffset.UTC))
                                        .toArray(java.time.OffsetDateTime[]::new),
                                codes.toArray(String[]::new), messages.toArray(String[]::new), countAttempt)))
                .replaceWithVoid();
    }

    Pool pool() {
        return pool;
    }

    private static List<ClaimedItem> claimed(RowSet<Row> rows) {
        List<ClaimedItem> items = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            items.add(new ClaimedItem(row.getLong("id"), row.getString("member_id"), row.getString("operation"),
                    row.getString("item_key"), object(row.getString("fields")),
                    row.getString("company_key"), row.getInteger("attempts"), row.getInteger("priority"),
                    row.getLong("backfill_job_id")));
        }
        items.sort(java.util.Comparator.comparingLong(ClaimedItem::id));
        return items;
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) PlannedChange.JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid", e);
        }
    }
}
