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
import java.util.Comparator;
import java.util.List;

/**
 * The webhook queue. A claim takes, across all tenants, the oldest undelivered delivery of each member
 * (order key, the "head") that is due and not in flight, with {@code FOR UPDATE SKIP LOCKED}, marks only
 * that head in flight, and reads up to {@code perMember} of the member's next deliveries with it: while
 * the head is in flight no other claim can take any delivery of that member (a delivery is claimable
 * only when nothing older of its member is open), so the claimer alone may send the chain, one after
 * another. A claim that expires (the replica died mid-send) is claimed again: the same delivery ids are
 * resent. Claims and records are single statements: atomic without a transaction block.
 */
@ApplicationScoped
class DeliveryRepository {

    /**
     * A claimed delivery: {@code head} is the id of its chain's first delivery, the one marked in flight
     * until {@code claimedUntil}; {@code attempts} counts the attempt about to be made.
     */
    record Claimed(long id, long head, String deliveryId, String tenantId, String memberId, String salesforceId,
            String changeType, String body, int attempts, OffsetDateTime claimedUntil) {
    }

    /**
     * The outcome of sending one claimed delivery: {@code error} says what happened and {@code hint} what an
     * admin can do, both null when acknowledged, as is {@code retryAt}.
     */
    record Sent(Claimed delivery, boolean acknowledged, String error, String hint, OffsetDateTime retryAt) {
    }

    // The heads come from one pass over the open deliveries (DISTINCT ON per member), not from a probe
    // "is anything older of this member open" per open delivery: that probe walks the member's dead index
    // entries each time and made claims take seconds on a busy queue (BENCHMARKS.md). Locking rechecks
    // that the head is still claimable, and skips what another claim holds.
    private static final String CLAIM = "with heads as (select c.id from (select distinct on (o.tenant_id, o.order_key) "
            + "o.id, o.status, o.next_attempt_at, o.claimed_until from webhook_delivery o where o.status <> 'DELIVERED' "
            + "order by o.tenant_id, o.order_key, o.id) f join webhook_delivery c on c.id = f.id "
            + "where ((f.status = 'PENDING' and f.next_attempt_at <= now()) "
            + "or (f.status = 'IN_FLIGHT' and f.claimed_until < now())) "
            + "and ((c.status = 'PENDING' and c.next_attempt_at <= now()) "
            + "or (c.status = 'IN_FLIGHT' and c.claimed_until < now())) "
            + "order by c.id limit $1 for update of c skip locked), "
            + "claimed as (update webhook_delivery d set status = 'IN_FLIGHT', attempts = d.attempts + 1, "
            + "claimed_until = now() + $2 * interval '1 millisecond' from heads h where d.id = h.id "
            + "returning d.id, d.tenant_id, d.order_key, d.attempts, d.claimed_until) "
            // the chain is read in the statement's snapshot, where the head still shows its old attempts
            + "select n.id, c.id as head, n.delivery_id, n.tenant_id, n.member_id, n.salesforce_id, n.change_type, n.body, "
            + "case when n.id = c.id then c.attempts else n.attempts + 1 end as attempts, c.claimed_until "
            + "from claimed c cross join lateral (select e.* from webhook_delivery e where e.tenant_id = c.tenant_id "
            + "and e.order_key = c.order_key and e.status <> 'DELIVERED' and e.id >= c.id order by e.id limit $3) n";

    // The heads are locked and must still carry this claim: a claim that expired and was taken over
    // by another replica records nothing (that replica sends and records the chain again).
    private static final String RECORD = "with u as (select * from unnest($1::bigint[], $2::bigint[], "
            + "$3::timestamptz[], $4::bool[], $5::timestamptz[], $6::text[], $7::text[], $8::text[]) "
            + "as u(id, head, claimed_until, ok, retry_at, error, message, hint)), "
            + "held as (select d.id from webhook_delivery d where d.status = 'IN_FLIGHT' "
            + "and (d.id, d.claimed_until) in (select u.head, u.claimed_until from u) for update), "
            + "done as (update webhook_delivery d set status = case when u.ok then 'DELIVERED' else 'PENDING' end, "
            + "delivered_at = case when u.ok then now() end, claimed_until = null, "
            // the head's attempt was counted by its claim, the rest of a chain's when sent
            + "attempts = case when d.id = u.head then d.attempts else d.attempts + 1 end, "
            + "next_attempt_at = coalesce(u.retry_at, d.next_attempt_at), last_error = u.error "
            + "from u join held h on h.id = u.head where d.id = u.id and d.status <> 'DELIVERED' "
            + "returning d.tenant_id, d.member_id, d.salesforce_id, d.attempts, u.ok, u.message, u.hint) "
            + "insert into sync_log (tenant_id, member_id, operation, salesforce_id, outcome, error_code, error_message, "
            + "admin_hint, attempts) select tenant_id, member_id, 'WEBHOOK_DELIVERY', salesforce_id, "
            + "case when ok then 'SUCCESS' else 'FAILED' end, case when ok then null else 'WEBHOOK_NOT_ACKNOWLEDGED' end, "
            + "message, hint, attempts from done";

    private final Pool pool;

    DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims the chains of up to {@code members} members, each its head and up to {@code perMember - 1} of
     * its next deliveries, ordered by id (so by member and, per member, in the order they must be sent).
     */
    Uni<List<Claimed>> claim(int members, int perMember, Duration claimTimeout) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(members, claimTimeout.toMillis(), Math.max(perMember, 1)))
                .map(DeliveryRepository::claimed);
    }

    /**
     * Closes acknowledged deliveries, schedules the retry of failed ones, and logs each attempt, in one
     * statement. Deliveries of a chain left unsent are not given: they stay as they were, due at once.
     */
    Uni<Void> record(List<Sent> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = outcomes.size();
        Long[] ids = new Long[size];
        Long[] heads = new Long[size];
        OffsetDateTime[] claims = new OffsetDateTime[size];
        Boolean[] ok = new Boolean[size];
        OffsetDateTime[] retryAt = new OffsetDateTime[size];
        String[] errors = new String[size];
        String[] messages = new String[size];
        String[] hints = new String[size];
        for (int i = 0; i < size; i++) {
            Sent sent = outcomes.get(i);
            Claimed d = sent.delivery();
            ids[i] = d.id();
            heads[i] = d.head();
            claims[i] = d.claimedUntil();
            ok[i] = sent.acknowledged();
            retryAt[i] = sent.retryAt();
            errors[i] = clip(sent.error(), 1000);
            messages[i] = clip(message(sent), 2000);
            hints[i] = clip(sent.hint(), 1000);
        }
        return pool.preparedQuery(RECORD)
                .execute(Tuple.from(List.of(ids, heads, claims, ok, retryAt, errors, messages, hints)))
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

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static List<Claimed> claimed(RowSet<Row> rows) {
        List<Claimed> claimed = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            claimed.add(new Claimed(row.getLong("id"), row.getLong("head"), row.getString("delivery_id"),
                    row.getString("tenant_id"), row.getString("member_id"), row.getString("salesforce_id"),
                    row.getString("change_type"), row.getString("body"), row.getInteger("attempts"),
                    row.getOffsetDateTime("claimed_until")));
        }
        claimed.sort(Comparator.comparingLong(Claimed::id));
        return claimed;
    }
}
