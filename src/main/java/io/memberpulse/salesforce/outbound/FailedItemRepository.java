package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SQL that puts FAILED outbox items back in the queue, keeping the one invariant the worker
 * relies on: at most one PENDING item per member, operation and item key ({@code outbox_item_pending_uk}).
 */
@ApplicationScoped
class FailedItemRepository {

    /** A planner committed a new pending item for the same member meanwhile: run the retry again. */
    static final Predicate<Throwable> IS_PENDING_CONFLICT = failure -> failure instanceof PgException
            && "23505".equals(((PgException) failure).getSqlState());

    /*
     * One round takes the newest FAILED item of each member ($2: only that item), so a member's
     * failed items return newest first and each later round folds an older one under the newer.
     * Fields that a newer item of the member has sent, is sending, or also failed with are
     * dropped first: a retry must never write an older value over a newer one. Then each item
     * either folds under the member's PENDING item (whose newer values win) and closes as
     * SUPERSEDED, or closes as SUPERSEDED because nothing of its own is left, or becomes PENDING
     * again with attempts reset, due now, errors cleared.
     */
    private static final String ROUND = "with picked as (select distinct on (member_id, operation, item_key) id "
            + "from outbox_item where tenant_id = $1 and status = 'FAILED' and ($2::bigint is null or id = $2) "
            + "order by member_id, operation, item_key, id desc), "
            + "fresh as (select f.id, f.tenant_id, f.member_id, f.operation, f.item_key, f.company_key, "
            + "f.fields - n.keys as fields, f.field_times - n.keys as field_times, "
            + "(f.fields <> '{}'::jsonb and f.fields - n.keys = '{}'::jsonb) as stale "
            + "from outbox_item f join picked on picked.id = f.id "
            + "cross join lateral (select coalesce(array_agg(distinct k), '{}'::text[]) as keys "
            + "from outbox_item x cross join lateral jsonb_object_keys(x.fields) k "
            + "where x.tenant_id = f.tenant_id and x.member_id = f.member_id and x.operation = f.operation "
            + "and x.item_key = f.item_key "
            + "and x.id > f.id and x.status in ('DONE', 'IN_FLIGHT', 'FAILED')) n), "
            + "folded as (update outbox_item p set fields = fresh.fields || p.fields, "
            + "field_times = fresh.field_times || p.field_times, "
            + "company_key = case when p.fields ? 'company' then p.company_key "
            + "when fresh.fields ? 'company' then fresh.company_key end, "
            + "updated_at = now() from fresh where p.tenant_id = fresh.tenant_id and p.member_id = fresh.member_id "
            + "and p.operation = fresh.operation and p.item_key = fresh.item_key and p.status = 'PENDING' "
            + "returning fresh.id, p.id as into_id), "
            + "closed as (update outbox_item o set status = 'DONE', claimed_until = null, "
            + "last_error_code = 'SUPERSEDED', last_error_message = case when folded.into_id is null "
            + "then 'Retried: every field was changed again later' "
            + "else 'Retried: merged into pending item ' || folded.into_id end, updated_at = now() "
            + "from fresh left join folded on folded.id = fresh.id "
            + "where o.id = fresh.id and (folded.id is not null or fresh.stale) "
            + "returning o.id, o.member_id, folded.into_id), "
            + "reopened as (update outbox_item o set status = 'PENDING', fields = fresh.fields, "
            + "field_times = fresh.field_times, company_key = case when fresh.fields ? 'company' "
            + "then fresh.company_key end, attempts = 0, next_attempt_at = now(), claimed_until = null, "
            + "last_error_code = null, last_error_message = null, updated_at = now() "
            + "from fresh where o.id = fresh.id and not fresh.stale "
            + "and not exists (select 1 from folded where folded.id = fresh.id) returning o.id, o.member_id) "
            + "select id, member_id, 'REQUEUED' as result, id as pending_id from reopened "
            + "union all select id, member_id, case when into_id is null then 'SUPERSEDED' else 'MERGED' end, "
            + "into_id from closed";

    private final Pool pool;

    FailedItemRepository(Pool pool) {
        this.pool = pool;
    }

    Pool pool() {
        return pool;
    }

    /** The item's status, locked for this transaction; null when the tenant has no such item. */
    Uni<String> lockStatus(SqlConnection connection, String tenantId, long itemId) {
        return connection.preparedQuery("select status from outbox_item where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenantId, itemId))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** Locks the tenant's FAILED items, so rounds see a stable set; answers how many there are. */
    Uni<Integer> lockFailed(SqlConnection connection, String tenantId) {
        return connection.preparedQuery("select id from outbox_item where tenant_id = $1 and status = 'FAILED' "
                + "order by id for update")
                .execute(Tuple.of(tenantId))
                .map(RowSet::rowCount);
    }

    /** One round (see {@link #ROUND}); {@code itemId} null takes every member's newest FAILED item. */
    Uni<List<RetryOutcome>> requeueRound(SqlConnection connection, String tenantId, Long itemId) {
        return connection.preparedQuery(ROUND)
                .execute(Tuple.of(tenantId, itemId))
                .map(FailedItemRepository::outcomes);
    }

    /** Wakes the worker once the transaction commits. */
    Uni<Void> notifyOutbox(SqlConnection connection, String tenantId) {
        return connection.preparedQuery("select pg_notify('" + OutboundChannels.OUTBOX + "', $1)")
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    private static List<RetryOutcome> outcomes(RowSet<Row> rows) {
        List<RetryOutcome> outcomes = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            outcomes.add(new RetryOutcome(row.getLong("id"), row.getString("member_id"),
                    RetryOutcome.Result.valueOf(row.getString("result")), row.getLong("pending_id")));
        }
        return outcomes;
    }
}
