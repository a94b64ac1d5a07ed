package io.memberpulse.salesforce.synclog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only queries on {@code sync_log} (the outbound pipeline writes it). Paging is by id, newest
 * first ({@code sync_log_tenant_idx}, {@code sync_log_member_idx}): keyset, so a page costs the same
 * however deep it is.
 */
@ApplicationScoped
class SyncLogRepository {

    private static final String COLUMNS = "select id, member_id, operation, salesforce_id, outcome, error_code, "
            + "error_message, admin_hint, attempts, outbox_item_id, created_at from sync_log where tenant_id = $1";

    /** One stored entry, with the outbox item it came from. */
    record StoredEntry(long id, String memberId, String operation, String salesforceId, SyncOutcome outcome,
            String errorCode, String errorMessage, String adminHint, int attempts, Long outboxItemId,
            Instant createdAt) {
    }

    private final Pool pool;

    SyncLogRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} entries matching the filter, newest first. */
    Uni<List<StoredEntry>> newestFirst(SyncLogFilter filter, int limit) {
        // Only the filters given become conditions, so each query shape gets a plan that uses its index.
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> parameters = new ArrayList<>(List.of(filter.tenantId()));
        if (filter.outcome() != null) {
            parameters.add(filter.outcome().name());
            sql.append(" and outcome = $").append(parameters.size());
        }
        if (filter.memberId() != null) {
            parameters.add(filter.memberId());
            sql.append(" and member_id = $").append(parameters.size());
        }
        if (filter.beforeId() != null) {
            parameters.add(filter.beforeId());
            sql.append(" and id < $").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" order by id desc limit $").append(parameters.size());
        return pool.preparedQuery(sql.toString())
                .execute(Tuple.from(parameters))
                .map(SyncLogRepository::entries);
    }

    /** The entry, or null when the tenant has none with this id. */
    Uni<StoredEntry> find(String tenantId, long id) {
        return pool.preparedQuery(COLUMNS + " and id = $2")
                .execute(Tuple.of(tenantId, id))
                .map(rows -> rows.rowCount() == 0 ? null : entry(rows.iterator().next()));
    }

    private static List<StoredEntry> entries(RowSet<Row> rows) {
        List<StoredEntry> entries = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> entries.add(entry(row)));
        return entries;
    }

    private static StoredEntry entry(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new StoredEntry(row.getLong("id"), row.getString("member_id"), row.getString("operation"),
                row.getString("salesforce_id"), SyncOutcome.valueOf(row.getString("outcome")),
                row.getString("error_code"), row.getString("error_message"), row.getString("admin_hint"),
                row.getInteger("attempts"), row.getLong("outbox_item_id"), created.toInstant());
    }
}
