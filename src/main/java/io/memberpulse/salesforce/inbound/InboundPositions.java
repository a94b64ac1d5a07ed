package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each streaming channel of a tenant stands: the replay id of the last event whose effect is
 * committed. {@link #store} joins the caller's transaction, so the replay id and the event's effect
 * commit together: after a crash the subscription resumes exactly after the last applied event.
 */
@ApplicationScoped
public class InboundPositions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallerTransaction tx;
    private final Pool pool;

    InboundPositions(CallerTransaction tx, Pool pool) {
        this.tx = tx;
        this.pool = pool;
    }

    /** A channel's position: the replay id, the Salesforce commit time of its event, when it was stored. */
    public record Position(long replayId, Instant lastCommitAt, Instant updatedAt) {
    }

    /**
     * Stores the channel's replay id in the caller's transaction ({@code Panache.withTransaction});
     * fails when there is none. {@code commitTimestamp} may be null (unknown).
     */
    public Uni<Void> store(String tenantId, String channel, long replayId, Instant commitTimestamp) {
        return tx.execute("insert into inbound_position (tenant_id, channel, replay_id, last_commit_at, updated_at) "
                + "values (?1, ?2, ?3, cast(?4 as timestamptz), now()) on conflict (tenant_id, channel) do update "
                + "set replay_id = excluded.replay_id, last_commit_at = coalesce(excluded.last_commit_at, "
                + "inbound_position.last_commit_at), updated_at = now()",
                tenantId, channel, replayId, commitTimestamp == null ? null : commitTimestamp.atOffset(java.time.ZoneOffset.UTC))
                .replaceWithVoid();
    }

    /** Every stored channel position of the tenant, by channel (e.g. {@code /data/ContactChangeEvent}). */
    public Uni<Map<String, Position>> find(String tenantId) {
        return pool.preparedQuery("select channel, replay_id, last_commit_at, updated_at from inbound_position "
                + "where tenant_id = $1 order by channel")
                .execute(Tuple.of(tenantId))
                .map(InboundPositions::positions);
    }

    private static Map<String, Position> positions(RowSet<Row> rows) {
        Map<String, Position> positions = new LinkedHashMap<>();
        for (Row row : rows) {
            OffsetDateTime commit = row.getOffsetDateTime("last_commit_at");
            positions.put(row.getString("channel"), new Position(row.getLong("replay_id"),
                    commit == null ? null : commit.toInstant(), row.getOffsetDateTime("updated_at").toInstant()));
        }
        return Collections.unmodifiableMap(positions);
    }

    static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : java.time.OffsetDateTime.parse(value.asText()).toInstant();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable JSON from the database", e);
        }
    }
}
