package io.memberpulse.salesforce.backfill;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A backfill job row. */
record BackfillJob(long id, String tenantId, String status, String mode, long total, long done, long failed,
        long apiCalls, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
        String salesforceJobId) {

    static BackfillJob of(Row row) {
        return new BackfillJob(row.getLong("id"), row.getString("tenant_id"), row.getString("status"),
                row.getString("mode"), row.getInteger("total"), row.getInteger("done"), row.getInteger("failed"),
                row.getInteger("api_calls"), row.getString("error"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")),
                row.getString("salesforce_job_id"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
