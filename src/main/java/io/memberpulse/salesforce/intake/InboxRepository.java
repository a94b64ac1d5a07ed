package io.memberpulse.salesforce.intake;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The inbox table {@code member_event}, written with the reactive client directly: a whole batch
 * is one statement over arrays, whatever its size, so intake costs a few round trips per request.
 */
@ApplicationScoped
class InboxRepository {

    /**
     * Rows keep the request's order (ordinality), so ids follow it; a stored (tenant, event id) is
     * skipped, and only the ids stored now come back.
     */
    private static final String INSERT = "insert into member_event "
            + "(tenant_id, event_id, type, member_id, occurred_at, data) "
            + "select $1, e.event_id, e.type, e.member_id, e.occurred_at, e.data::jsonb "
            + "from unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) "
            + "with ordinality as e(event_id, type, member_id, occurred_at, data, position) "
            + "order by e.position "
            + "on conflict (tenant_id, event_id) do nothing "
            + "returning event_id";

    private static final String NOTIFY = "select pg_notify('" + EventIntakeService.CHANNEL + "', $1)";

    private final Pool pool;

    InboxRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the events not stored before and, when there are any, wakes the planner; both in one
     * transaction, so a listener is told only about committed events. Answers the ids stored now.
     */
    Uni<Set<String>> store(String tenantId, List<InboxEvent> events) {
        return pool.withTransaction(connection -> insertAndNotify(connection, tenantId, events))
                .onFailure(InboxRepository::isDatabaseFailure)
                .transform(failure -> notStored(tenantId, failure));
    }

    private Uni<Set<String>> insertAndNotify(SqlConnection connection, String tenantId, List<InboxEvent> events) {
        return connection.preparedQuery(INSERT)
                .execute(columns(tenantId, events))
                .map(InboxRepository::eventIds)
                .call(stored -> notifyPlanner(connection, tenantId, stored));
    }

    private static Uni<Void> notifyPlanner(SqlConnection connection, String tenantId, Set<String> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(NOTIFY)
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    private static Tuple columns(String tenantId, List<InboxEvent> events) {
        int size = events.size();
        String[] eventIds = new String[size];
        String[] types = new String[size];
        String[] memberIds = new String[size];
        OffsetDateTime[] occurredAt = new OffsetDateTime[size];
        String[] data = new String[size];
        for (int i = 0; i < size; i++) {
            InboxEvent event = events.get(i);
            eventIds[i] = event.eventId();
            types[i] = event.type().json();
            memberIds[i] = event.memberId();
            occurredAt[i] = event.occurredAt();
            data[i] = event.data();
        }
        return Tuple.tuple(List.of(tenantId, eventIds, types, memberIds, occurredAt, data));
    }

    private static Set<String> eventIds(RowSet<Row> rows) {
        Set<String> ids = new HashSet<>(rows.rowCount() * 2);
        for (Row row : rows) {
            ids.add(row.getString(0));
        }
        return ids;
    }

    /** What the reactive client fails with when PostgreSQL is unreachable or refuses the statement. */
    private static boolean isDatabaseFailure(Throwable failure) {
        return failure instanceof DatabaseException || failure instanceof VertxException
                || failure instanceof ConnectException || failure instanceof TimeoutException;
    }

    private static ProblemException notStored(String tenantId, Throwable failure) {
        Log.errorf(failure, "Member events of tenant %s could not be stored", tenantId);
        return new ProblemException(ProblemType.INTERNAL,
                "The events could not be stored and none was accepted; send the batch again later");
    }
}
