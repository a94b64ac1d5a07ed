package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook queue. A claim takes, across all tenants, only the oldest undelivered delivery of each
 * member (order key), and only one not already in flight, with {@code FOR UPDATE SKIP LOCKED}: replicas
 * never send one delivery concurrently, and a member's next delivery waits for the previous 2xx. A
 * claim that expires (the replica died mid-send) is claimed again: the same delivery id is resent.
 */
@ApplicationScoped
class DeliveryRepository {

    /** A claimed delivery. */
    record Claimed(long id, String deliveryId, String tenantId, String memberId, String salesforceId,
            String changeType, String body, int attempts) {
    }

    /** The outcome of sending one claimed delivery; {@code retryAt} null when acknowledged. */
    record Sent(Claimed delivery, boolean acknowledged, String error, OffsetDateTime retryAt) {
    }

    private static final String CLAIM = "update webhook_delivery d set status = 'IN_FLIGHT', attempts = d.attempts + 1, "
            + "claimed_until = now() + $2 * interval '1 millisecond' where d.id in (select c.id from webhook_delivery c "
            + "where c.status <> 'DELIVERED' and ((c.status = 'PENDING' and c.next_attempt_at <= now()) "
            + "or (c.status = 'IN_FLIGHT' and c.claimed_until < now())) "
            + "and not exists (select 1 from webhook_delivery e where e.tenant_id = c.tenant_id "
            + "and e.order_key = c.order_key and e.status <> 'DELIVERED' and e.id < c.id) "
            + "order by c.id limit $1 for update skip locked) "
            + "returning d.id, d.delivery_id, d.tenant_id, d.member_id, d.salesforce_id, d.change_type, d.body, "
            + "d.attempts";

    private static final String RECORD = "update webhook_delivery d set "
            + "status = case when u.ok then 'DELIVERED' else 'PENDING' end, "
            + "delivered_at = case when u.ok then now() end, claimed_until = null, "
            + "next_attempt_at = coalesce(u.retry_at, d.next_attempt_at), last_error = u.error "
            + "from unnest($1::bigint[], $2::bool[], $3::timestamptz[], $4::text[]) as u(id, ok, retry_at, error) "
            + "where d.id = u.id and d.status <> 'DELIVERED'";

    private static final String LOG = "insert into sync_log (tenant_id, member_id, operation, salesforce_id, outcome, "
            + "error_code, error_message, attempts) select u.tenant, u.member, 'WEBHOOK_DELIVERY', u.sf, "
            + "case when u.ok then 'SUCCESS' else 'FAILED' end, case when u.ok then null else 'WEBHOOK_NOT_ACKNOWLEDGED' "
            + "end, u.message, u.attempts from unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::text[], "
            + "$6::int[]) as u(tenant, member, sf, ok, message, attempts)";

    private final Pool pool;

    DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<Claimed>> claim(int limit, Duration claimTimeout) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(limit, claimTimeout.toMillis())))
                .map(DeliveryRepository::claimed);
    }

    /** Closes acknowledged deliveries, schedules the others' retries, and logs each outcome: one transaction. */
    Uni<Void> record(List<Sent> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = outcomes.size();
        Long[] ids = new Long[size];
        Boolean[] ok = new Boolean[size];
        OffsetDateTime[] retryAt = new OffsetDateTime[size];
        String[] errors = new String[size];
        String[] tenants = new String[size];
        String[] members = new String[size];
        String[] salesforceIds = new String[size];
        String[] messages = new String[size];
        Integer[] attempts = new Integer[size];
        for (int i = 0; i < size; i++) {
            Sent sent = outcomes.get(i);
            Claimed d = sent.delivery();
            ids[i] = d.id();
            ok[i] = sent.acknowledged();
            retryAt[i] = sent.retryAt();
            errors[i] = sent.error();
            tenants[i] = d.tenantId();
            members[i] = d.memberId();
            salesforceIds[i] = d.salesforceId();
            messages[i] = message(sent);
            attempts[i] = d.attempts();
        }
        return pool.withTransaction(connection -> connection.preparedQuery(RECORD)
                .execute(Tuple.of(ids, ok, retryAt, errors))
                .chain(() -> connection.preparedQuery(LOG)
                        .execute(Tuple.tuple(List.of(tenants, members, salesforceIds, ok, messages, attempts)))))
                .replaceWithVoid();
    }

    /** Forgets acknowledged deliveries older than {@code retention}. */
    Uni<Void> purgeDelivered(Duration retention) {
        return pool.preparedQuery("delete from webhook_delivery where status = 'DELIVERED' and delivered_at < $1")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(retention)))
                .replaceWithVoid();
    }

    private static String message(Sent sent) {
        String what = sent.delivery().changeType() + " " + sent.delivery().deliveryId();
        if (sent.acknowledged()) {
            return "Delivered " + what + " to MemberPulse";
        }
        return "Not delivered " + what + ": " + sent.error() + "; retried at " + sent.retryAt();
    }

    private static List<Claimed> claimed(RowSet<Row> rows) {
        List<Claimed> claimed = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            claimed.add(new Claimed(row.getLong("id"), row.getString("delivery_id"), row.getString("tenant_id"),
                    row.getString("member_id"), row.getString("salesforce_id"), row.getString("change_type"),
                    row.getString("body"), row.getInteger("attempts")));
        }
        claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
        return claimed;
    }
}
