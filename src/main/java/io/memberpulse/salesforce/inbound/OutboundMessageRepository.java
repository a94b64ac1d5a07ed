package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The table {@code outbound_message_notification}, written with the reactive client: a message's
 * notifications are one statement over arrays, de-duplicated by (tenant, notification id).
 */
@ApplicationScoped
class OutboundMessageRepository {

    /** PostgreSQL channel notified, with the tenant id, when new notifications are committed. */
    static final String CHANNEL = "memberpulse_outbound_messages";

    private static final String INSERT = "insert into outbound_message_notification "
            + "(tenant_id, notification_id, org_id, action_id, object_type, record_id) "
            + "select $1, n.notification_id, $2, $3, n.object_type, n.record_id "
            + "from unnest($4::text[], $5::text[], $6::text[]) "
            + "with ordinality as n(notification_id, object_type, record_id, position) "
            + "order by n.position "
            + "on conflict (tenant_id, notification_id) do nothing "
            + "returning id";

    private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', $1)";

    private final Pool pool;

    OutboundMessageRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the notifications not stored before and, if there are any, wakes the workers; one
     * transaction, so the Ack is only sent for committed rows. Answers how many were new.
     */
    Uni<Integer> store(String tenantId, OutboundMessage message) {
        return pool.withTransaction(connection -> insertAndNotify(connection, tenantId, message));
    }

    Pool pool() {
        return pool;
    }

    private Uni<Integer> insertAndNotify(SqlConnection connection, String tenantId, OutboundMessage message) {
        return connection.preparedQuery(INSERT)
                .execute(columns(tenantId, message))
                .map(RowSet::rowCount)
                .call(stored -> stored == 0 ? Uni.createFrom().voidItem() : notifyWorkers(connection, tenantId));
    }

    private static Uni<Void> notifyWorkers(SqlConnection connection, String tenantId) {
        return connection.preparedQuery(NOTIFY)
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    private static Tuple columns(String tenantId, OutboundMessage message) {
        List<OutboundMessage.Notification> notifications = message.notifications();
        int size = notifications.size();
        String[] ids = new String[size];
        String[] types = new String[size];
        String[] records = new String[size];
        for (int i = 0; i < size; i++) {
            ids[i] = notifications.get(i).id();
            types[i] = notifications.get(i).objectType();
            records[i] = notifications.get(i).recordId();
        }
        return Tuple.tuple()
                .addString(tenantId)
                .addString(message.organizationId())
                .addString(message.actionId())
                .addArrayOfString(ids)
                .addArrayOfString(types)
                .addArrayOfString(records);
    }
}
