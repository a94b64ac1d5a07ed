package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The planner's SQL. Set-based on purpose (one statement per step, arrays via unnest): planning
 * thousands of events must cost a handful of round trips, not one per event.
 */
@ApplicationScoped
class PlannerRepository {

    Uni<RowSet<Row>> lockUnplannedEvents(SqlConnection connection, String tenantId, int limit) {
        return connection.preparedQuery("select id, event_id, member_id, type, occurred_at, data::text as data "
                + "from member_event where tenant_id = $1 and planned_at is null order by id limit $2 "
                + "for update skip locked")
                .execute(Tuple.of(tenantId, limit));
    }

    /** The pending items the round's changes fold into, by (member, operation, item key). */
    Uni<RowSet<Row>> lockPendingChanges(SqlConnection connection, String tenantId, List<PlannedChange> changes) {
        return connection.preparedQuery("select o.id, o.member_id, o.operation, o.item_key, o.fields::text as fields, "
                + "o.field_times::text as times from outbox_item o "
                + "join unnest($2::text[], $3::text[], $4::text[]) as k(m, op, ik) "
                + "on o.member_id = k.m and o.operation = k.op and o.item_key = k.ik "
                + "where o.tenant_id = $1 and o.status = 'PENDING' for update of o")
                .execute(Tuple.of(tenantId, changes.stream().map(c -> c.memberId).toArray(String[]::new),
                        changes.stream().map(c -> c.operation).toArray(String[]::new),
                        changes.stream().map(c -> c.itemKey).toArray(String[]::new)));
    }

    /** The company key of each member's current Account: its writes lock that Account too. */
    Uni<RowSet<Row>> linkedCompanyKeys(SqlConnection connection, String tenantId, List<String> memberIds) {
        return connection.preparedQuery("select l.member_id, a.name_key from member_link l "
                + "join account_link a on a.tenant_id = l.tenant_id and a.account_id = l.account_id "
                + "where l.tenant_id = $1 and l.member_id = any($2)")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new)));
    }

    Uni<RowSet<Row>> updatePending(SqlConnection connection, List<PlannedChange> changes, String[] companyKeys) {
        return connection.preparedQuery("update outbox_item o set fields = u.fields::jsonb, "
                + "field_times = u.times::jsonb, company_key = u.company_key, updated_at = now() "
                + "from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) "
                + "as u(id, fields, times, company_key) where o.id = u.id")
                .execute(Tuple.of(changes.stream().map(c -> c.existingId).toArray(Long[]::new),
                        changes.stream().map(c -> c.fields.toString()).toArray(String[]::new),
                        changes.stream().map(c -> c.fieldTimes.toString()).toArray(String[]::new),
                        companyKeys));
    }

    Uni<RowSet<Row>> insertPending(SqlConnection connection, String tenantId, List<PlannedChange> changes,
            String[] companyKeys, Boolean[] needsContact) {
        return connection.preparedQuery("insert into outbox_item (tenant_id, member_id, operation, item_key, "
                + "needs_contact, fields, field_times, company_key, status) select $1, u.member_id, u.op, u.ik, "
                + "u.needs, u.fields::jsonb, u.times::jsonb, u.company_key, 'PENDING' "
                + "from unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[]) "
                + "with ordinality as u(member_id, op, ik, needs, fields, times, company_key, n) order by u.n")
                .execute(Tuple.from(List.of(tenantId, changes.stream().map(c -> c.memberId).toArray(String[]::new),
                        changes.stream().map(c -> c.operation).toArray(String[]::new),
                        changes.stream().map(c -> c.itemKey).toArray(String[]::new),
                        needsContact,
                        changes.stream().map(c -> c.fields.toString()).toArray(String[]::new),
                        changes.stream().map(c -> c.fieldTimes.toString()).toArray(String[]::new),
                        companyKeys)));
    }

    /** Companies not seen before wait for their Account; known ones cost nothing. */
    Uni<RowSet<Row>> registerCompanies(SqlConnection connection, String tenantId, List<String> keys,
            List<String> names) {
        return connection.preparedQuery("insert into account_link (tenant_id, name_key, name) "
                + "select $1, u.k, u.n from unnest($2::text[], $3::text[]) as u(k, n) on conflict do nothing")
                .execute(Tuple.of(tenantId, keys.toArray(String[]::new), names.toArray(String[]::new)));
    }

    Uni<RowSet<Row>> markPlanned(SqlConnection connection, List<Long> eventIds) {
        return connection.preparedQuery("update member_event set planned_at = now() where id = any($1)")
                .execute(Tuple.of(eventIds.toArray(Long[]::new)));
    }

    Uni<RowSet<Row>> notifyOutbox(SqlConnection connection, String tenantId) {
        return connection.preparedQuery("select pg_notify('" + OutboundChannels.OUTBOX + "', $1)")
                .execute(Tuple.of(tenantId));
    }

}
