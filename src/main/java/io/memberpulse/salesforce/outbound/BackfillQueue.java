package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues a backfill's members into the outbox at backfill priority, so they are sent in full
 * Collections batches behind live changes. A member with a pending live change keeps that change's
 * newer values; the backfill fills in the rest.
 */
@ApplicationScoped
public class BackfillQueue {

    /** Progress of a job's queued members by outbox status. */
    public record Progress(long pending, long done, long failed) {
    }

    private final Pool pool;
    private final WorkPlanners planners;
    private final OutboundOperations operations;

    BackfillQueue(Pool pool, WorkPlanners planners, OutboundOperations operations) {
        this.pool = pool;
        this.planners = planners;
        this.operations = operations;
    }

    /**
     * Queues the members' Contact writes, plus what the features' planners make of each snapshot
     * (read as a {@code member.upserted}: e.g. status tags), all at backfill priority.
     */
    public Uni<Void> enqueue(String tenantId, long jobId, Instant asOf, List<MemberSnapshot> members) {
        return planners.forTenant(tenantId)
                .map(folders -> SnapshotWork.of(folders, members, asOf))
                .chain(work -> pool.withTransaction(connection -> enqueueIn(connection, tenantId, jobId, asOf,
                        work.snapshots(members), work.otherWork())));
    }

    private Uni<Void> enqueueIn(SqlConnection connection, String tenantId, long jobId, Instant asOf,
            List<MemberSnapshot> members, List<PlannedChange> other) {
        return OutboxRepository.lockTenant(connection, tenantId)
                .chain(() -> registerCompanies(connection, tenantId, members))
                .chain(() -> insert(connection, tenantId, jobId, asOf, members))
                .chain(() -> insertOther(connection, tenantId, other))
                .chain(() -> connection.preparedQuery("select pg_notify('" + OutboundChannels.OUTBOX + "', $1)")
                        .execute(Tuple.of(tenantId)))
                .replaceWithVoid();
    }

    /** Queues other items (not Contact writes) at backfill priority, e.g. after a Bulk job made the Contacts. */
    Uni<Void> enqueueOther(String tenantId, List<PlannedChange> other) {
        return pool.withTransaction(connection -> OutboxRepository.lockTenant(connection, tenantId)
                .chain(() -> insertOther(connection, tenantId, other))
                .chain(() -> connection.preparedQuery("select pg_notify('" + OutboundChannels.OUTBOX + "', $1)")
                        .execute(Tuple.of(tenantId))))
                .replaceWithVoid();
    }

    /** Other items at backfill priority; a pending live item of the same key keeps its newer values. */
    private Uni<Void> insertOther(SqlConnection connection, String tenantId, List<PlannedChange> other) {
        if (other.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Boolean> needs = operations.needingContact();
        return connection.preparedQuery("insert into outbox_item (tenant_id, member_id, operation, item_key, "
                + "needs_contact, fields, field_times, status, priority) select $1, u.m, u.op, u.k, u.needs, "
                + "u.f::jsonb, u.t::jsonb, 'PENDING', 1 from unnest($2::text[], $3::text[], $4::text[], "
                + "$5::boolean[], $6::text[], $7::text[]) as u(m, op, k, needs, f, t) "
                + "on conflict (tenant_id, member_id, operation, item_key) where status = 'PENDING' "
                + "do update set fields = excluded.fields || outbox_item.fields, "
                + "field_times = excluded.field_times || outbox_item.field_times, updated_at = now()")
                .execute(Tuple.from(List.of(tenantId, other.stream().map(c -> c.memberId).toArray(String[]::new),
                        other.stream().map(c -> c.operation).toArray(String[]::new),
                        other.stream().map(c -> c.itemKey).toArray(String[]::new),
                        other.stream().map(c -> needs.getOrDefault(c.operation, false)).toArray(Boolean[]::new),
                        other.stream().map(c -> c.fields.toString()).toArray(String[]::new),
                        other.stream().map(c -> c.fieldTimes.toString()).toArray(String[]::new))))
                .replaceWithVoid();
    }

    public Uni<Progress> progress(long jobId) {
        return pool.preparedQuery("select count(*) filter (where status in ('PENDING', 'IN_FLIGHT')) as pending, "
                + "count(*) filter (where status = 'DONE') as done, count(*) filter (where status = 'FAILED') as failed "
                + "from outbox_item where backfill_job_id = $1")
                .execute(Tuple.of(jobId))
                .map(rows -> rows.iterator().next())
                .map(row -> new Progress(row.getLong("pending"), row.getLong("done"), row.getLong("failed")));
    }

    private Uni<Void> insert(SqlConnection connection, String tenantId, long jobId, Instant asOf,
            List<MemberSnapshot> members) {
        String time = asOf.toString();
        String[] ids = members.stream().map(MemberSnapshot::memberId).toArray(String[]::new);
        String[] fields = members.stream().map(m -> m.fields().toString()).toArray(String[]::new);
        String[] times = members.stream().map(m -> timesOf(m, time)).toArray(String[]::new);
        String[] keys = members.stream().map(m -> m.company() == null ? null : CompanyKeys.of(m.company()))
                .toArray(String[]::new);
        return connection.preparedQuery("insert into outbox_item (tenant_id, member_id, operation, fields, "
                + "field_times, company_key, status, priority, backfill_job_id) select $1, u.m, 'CONTACT_UPSERT', "
                + "u.f::jsonb, u.t::jsonb, u.k, 'PENDING', 1, $2 from unnest($3::text[], $4::text[], $5::text[], "
                + "$6::text[]) as u(m, f, t, k) on conflict (tenant_id, member_id, operation, item_key) where status = 'PENDING' "
                + "do update set fields = excluded.fields || outbox_item.fields, "
                + "field_times = excluded.field_times || outbox_item.field_times, "
                + "company_key = coalesce(outbox_item.company_key, excluded.company_key), "
                + "backfill_job_id = excluded.backfill_job_id, updated_at = now()")
                .execute(Tuple.of(tenantId, jobId, ids, fields, times, keys))
                .replaceWithVoid();
    }

    static Uni<Void> registerCompanies(SqlConnection connection, String tenantId, List<MemberSnapshot> members) {
        Map<String, String> companies = new LinkedHashMap<>();
        for (MemberSnapshot member : members) {
            if (member.company() != null) {
                companies.putIfAbsent(CompanyKeys.of(member.company()), member.company());
            }
        }
        if (companies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into account_link (tenant_id, name_key, name) "
                + "select $1, u.k, u.n from unnest($2::text[], $3::text[]) as u(k, n) on conflict do nothing")
                .execute(Tuple.of(tenantId, companies.keySet().toArray(String[]::new),
                        companies.values().toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Every field of the snapshot changed at the backfill's moment: later live changes win. */
    private static String timesOf(MemberSnapshot member, String time) {
        com.fasterxml.jackson.databind.node.ObjectNode times = PlannedChange.JSON.createObjectNode();
        member.fields().fieldNames().forEachRemaining(name -> times.put(name, time));
        return times.toString();
    }
}
