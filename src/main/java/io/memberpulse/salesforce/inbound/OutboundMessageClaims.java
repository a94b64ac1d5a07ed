package io.memberpulse.salesforce.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's side of {@code outbound_message_notification}: claims with {@code FOR UPDATE SKIP
 * LOCKED} (several replicas never take the same row; a claim that expires is taken again), and the
 * outcome of each claim. Marking done runs in the applier's transaction, on its session.
 */
@ApplicationScoped
class OutboundMessageClaims {

    /** The sync log's operation for Outbound Message notifications. */
    static final String SYNC_LOG_OPERATION = "OUTBOUND_MESSAGE";

    private static final String CLAIM = "with due as (select id from outbound_message_notification "
            + "where status = 'PENDING' and next_attempt_at <= now() "
            + "and (claimed_until is null or claimed_until < now()) "
            + "order by next_attempt_at, id limit $1 for update skip locked) "
            + "update outbound_message_notification n "
            + "set claimed_until = now() + make_interval(secs => $2), attempts = n.attempts + 1 "
            + "from due where n.id = due.id "
            + "returning n.id, n.tenant_id, n.notification_id, n.object_type, n.record_id, n.attempts";

    /** {@code $5}: whether the claim counted as an attempt (a tenant that cannot sync now is no failure). */
    private static final String RETRY_LATER = "update outbound_message_notification "
            + "set claimed_until = null, next_attempt_at = now() + make_interval(secs => $2), "
            + "last_error_code = $3, last_error = $4, attempts = attempts - case when $5 then 0 else 1 end "
            + "where id = any($1) and status = 'PENDING'";

    /** Gives up and tells the admin in the sync log, in one statement: one FAILED line per notification. */
    private static final String FAIL = "with failed as (update outbound_message_notification "
            + "set status = 'FAILED', claimed_until = null, processed_at = now(), last_error_code = $2, "
            + "last_error = $3 where id = any($1) and status = 'PENDING' "
            + "returning tenant_id, record_id, attempts) "
            + "insert into sync_log (tenant_id, member_id, operation, salesforce_id, outcome, error_code, "
            + "error_message, admin_hint, attempts) "
            + "select tenant_id, null, '" + SYNC_LOG_OPERATION + "', record_id, 'FAILED', $2, $3, $4, attempts "
            + "from failed";

    private static final String DONE = "update outbound_message_notification "
            + "set status = 'DONE', claimed_until = null, processed_at = now(), last_error_code = null, "
            + "last_error = null where id in (:ids) and status = 'PENDING'";

    /** The record is gone from the org (purged from the recycle bin, or never visible to the integration user). */
    private static final String GONE = "update outbound_message_notification "
            + "set status = 'DONE', claimed_until = null, processed_at = now(), last_error_code = 'NOT_FOUND', "
            + "last_error = 'Salesforce no longer has the record (queryAll found nothing); nothing to apply' "
            + "where id in (:ids) and status = 'PENDING'";

    private final Pool pool;

    OutboundMessageClaims(Pool pool) {
        this.pool = pool;
    }

    /** Claims up to {@code limit} due notifications, oldest first, for {@code timeout}. */
    Uni<List<ClaimedNotification>> claim(int limit, Duration timeout) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(limit, timeout.toMillis() / 1000.0))
                .map(OutboundMessageClaims::claimed);
    }

    /** Gives the claim back, due again after {@code delay}, with the reason kept on the rows. */
    Uni<Void> retryLater(List<Long> ids, Duration delay, String code, String error, boolean countAttempt) {
        return pool.preparedQuery(RETRY_LATER)
                .execute(Tuple.tuple()
                        .addArrayOfLong(ids.toArray(new Long[0]))
                        .addDouble(delay.toMillis() / 1000.0)
                        .addString(code)
                        .addString(clip(error))
                        .addBoolean(countAttempt))
                .replaceWithVoid();
    }

    /**
     * Gives up on the notifications (retrying cannot help, or it did not for too long) and writes
     * why, with what the admin can do, into the sync log.
     */
    Uni<Void> fail(List<Long> ids, String code, String error, String adminHint) {
        return pool.preparedQuery(FAIL)
                .execute(Tuple.of(ids.toArray(new Long[0]), code, clip(error), clip(adminHint, 1000)))
                .replaceWithVoid();
    }

    /**
     * Marks the notifications applied, on the session of the transaction the caller opened (the
     * applier's), so the effect and the mark commit together.
     */
    Uni<Integer> markDone(List<Long> ids) {
        return update(DONE, ids);
    }

    /** Like {@link #markDone}, for notifications whose record Salesforce no longer has. */
    Uni<Integer> markGone(List<Long> ids) {
        return update(GONE, ids);
    }

    private static Uni<Integer> update(String sql, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter("ids", ids)
                        .executeUpdate());
    }

    private static List<ClaimedNotification> claimed(RowSet<Row> rows) {
        List<ClaimedNotification> claimed = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            claimed.add(new ClaimedNotification(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getInteger(5)));
        }
        claimed.sort(java.util.Comparator.comparingLong(ClaimedNotification::id));
        return claimed;
    }

    private static String clip(String text) {
        return clip(text, 2000);
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
