package io.memberpulse.salesforce.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.MemberSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Backfill jobs and their members (set-based SQL: pages hold thousands of members). */
@ApplicationScoped
class BackfillRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, tenant_id, status, mode, total, done, failed, api_calls, error, "
            + "created_at, started_at, finished_at, salesforce_job_id";

    private final Pool pool;

    BackfillRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Long> create(SqlConnection connection, String tenantId, String actor) {
        return connection.preparedQuery("insert into backfill_job (tenant_id, status, requested_by) "
                + "values ($1, 'RECEIVING', $2) returning id")
                .execute(Tuple.of(tenantId, actor))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    Uni<Void> addMembers(SqlConnection connection, long jobId, List<String> memberIds, List<String> fields) {
        return connection.preparedQuery("insert into backfill_member (job_id, member_id, fields) "
                + "select $1, u.m, u.f::jsonb from unnest($2::text[], $3::text[]) as u(m, f) "
                + "on conflict (job_id, member_id) do update set fields = excluded.fields")
                .execute(Tuple.of(jobId, memberIds.toArray(String[]::new), fields.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The last page arrived: the job is counted and queued. */
    Uni<Void> close(SqlConnection connection, long jobId) {
        return connection.preparedQuery("update backfill_job set status = 'QUEUED', "
                + "total = (select count(*) from backfill_member where job_id = $1) where id = $1")
                .execute(Tuple.of(jobId))
                .replaceWithVoid();
    }

    Uni<BackfillJob> lockReceiving(SqlConnection connection, String tenantId, long jobId) {
        return connection.preparedQuery("select " + COLUMNS + " from backfill_job where tenant_id = $1 and id = $2 "
                + "for update")
                .execute(Tuple.of(tenantId, jobId))
                .map(rows -> rows.rowCount() == 0 ? null : BackfillJob.of(rows.iterator().next()));
    }

    Uni<BackfillJob> find(String tenantId, long jobId) {
        return pool.preparedQuery("select " + COLUMNS + " from backfill_job where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, jobId))
                .map(rows -> rows.rowCount() == 0 ? null : BackfillJob.of(rows.iterator().next()));
    }

    /**
     * The next queued job that is due, or a running one whose replica stopped renewing it. A job put
     * back for later carries its due time in claimed_until, so a tenant that cannot sync now never
     * holds up other tenants' jobs.
     */
    Uni<BackfillJob> claimNext(Duration claimTimeout) {
        return pool.preparedQuery("update backfill_job set status = 'RUNNING', started_at = coalesce(started_at, now()), "
                + "claimed_until = now() + make_interval(secs => $1) where id = (select id from backfill_job "
                + "where (status = 'QUEUED' and (claimed_until is null or claimed_until < now())) "
                + "or (status = 'RUNNING' and claimed_until < now()) order by id limit 1 "
                + "for update skip locked) returning " + COLUMNS)
                .execute(Tuple.of((double) claimTimeout.toSeconds()))
                .map(rows -> rows.rowCount() == 0 ? null : BackfillJob.of(rows.iterator().next()));
    }

    /** Gives a claimed job back to the queue, due again after {@code delay}. */
    Uni<Void> unclaim(long jobId, Duration delay) {
        return pool.preparedQuery("update backfill_job set status = 'QUEUED', "
                + "claimed_until = now() + make_interval(secs => $2) where id = $1")
                .execute(Tuple.of(jobId, (double) delay.toMillis() / 1000))
                .replaceWithVoid();
    }

    /**
     * Shutdown: a job this replica was running in Bulk mode (or had not started yet) goes back to the
     * queue at once; its salesforce_job_id stays. Collections jobs live in the outbox and hold no claim.
     */
    Uni<Void> giveBack(long jobId) {
        return pool.preparedQuery("update backfill_job set status = 'QUEUED', claimed_until = null where id = $1 "
                + "and status = 'RUNNING' and (mode is null or mode = 'BULK')")
                .execute(Tuple.of(jobId))
                .replaceWithVoid();
    }

    /** Members of queued jobs, per tenant. */
    Uni<Map<String, Long>> queuedMembersByTenant() {
        return pool.query("select tenant_id, sum(total)::bigint from backfill_job where status = 'QUEUED' "
                + "group by tenant_id")
                .execute()
                .map(rows -> {
                    Map<String, Long> members = new HashMap<>();
                    rows.forEach(row -> members.put(row.getString(0), row.getLong(1)));
                    return members;
                });
    }

    Uni<List<BackfillJob>> runningCollectionJobs() {
        return pool.query("select " + COLUMNS + " from backfill_job where status = 'RUNNING' and mode = 'COLLECTIONS'")
                .execute()
                .map(rows -> {
                    List<BackfillJob> jobs = new ArrayList<>();
                    rows.forEach(row -> jobs.add(BackfillJob.of(row)));
                    return jobs;
                });
    }

    Uni<List<MemberSnapshot>> members(long jobId) {
        return pool.preparedQuery("select member_id, fields::text as fields from backfill_member where job_id = $1 "
                + "order by member_id")
                .execute(Tuple.of(jobId))
                .map(rows -> {
                    List<MemberSnapshot> members = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> members.add(new MemberSnapshot(row.getString("member_id"),
                            object(row.getString("fields")))));
                    return members;
                });
    }

    /** Collections jobs live in the outbox from now on: no claim to renew. */
    Uni<Void> started(long jobId, String mode) {
        return pool.preparedQuery("update backfill_job set mode = $2, claimed_until = case when $2 = 'COLLECTIONS' "
                + "then null else claimed_until end where id = $1")
                .execute(Tuple.of(jobId, mode))
                .replaceWithVoid();
    }

    /** The replica running the job is alive: keep others from taking it over. */
    Uni<Void> renewClaim(long jobId, Duration claimTimeout) {
        return pool.preparedQuery("update backfill_job set claimed_until = now() + make_interval(secs => $2) "
                + "where id = $1 and status = 'RUNNING'")
                .execute(Tuple.of(jobId, (double) claimTimeout.toSeconds()))
                .replaceWithVoid();
    }

    Uni<Void> rememberSalesforceJob(long jobId, String salesforceJobId) {
        return pool.preparedQuery("update backfill_job set salesforce_job_id = $2 where id = $1")
                .execute(Tuple.of(jobId, salesforceJobId))
                .replaceWithVoid();
    }

    Uni<Void> finish(long jobId, String status, long done, long failed, Integer apiCalls, String error) {
        return pool.preparedQuery("update backfill_job set status = $2, done = $3, failed = $4, "
                + "api_calls = coalesce($5, api_calls), error = $6, finished_at = now(), claimed_until = null "
                + "where id = $1")
                .execute(Tuple.of(jobId, status, done, failed).addValue(apiCalls).addValue(error))
                .replaceWithVoid();
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid", e);
        }
    }
}
