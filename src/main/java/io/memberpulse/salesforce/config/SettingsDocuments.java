package io.memberpulse.salesforce.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Per-tenant settings documents: one JSON document per tenant and table, replaced whole by its PUT.
 * Campaign rules, lead enrichment and custom object mappings share this store instead of three copies
 * of entity, repository and JSON code. It uses the reactive pool, not a Panache session, because the
 * planner loads every feature's settings at once; a replace is one atomic upsert. The text cast keeps
 * the pg client from encoding the document as a JSON string.
 */
@ApplicationScoped
public class SettingsDocuments {

    /** The tables holding settings documents (tenant_id, document, updated_at, updated_by, version). */
    public enum Table {
        CAMPAIGN_SETTINGS("campaign_settings"),
        LEAD_SETTINGS("lead_settings"),
        CUSTOM_OBJECT_SETTINGS("custom_object_settings");

        private final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    /** A stored document with who stored it when. */
    public record Stored<T>(T document, Instant updatedAt, String updatedBy) {
    }

    /** The outcome of a replace: what is stored now, and whether it was the tenant's first. */
    public record Saved<T>(Stored<T> stored, boolean created) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    SettingsDocuments(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The tenant's document, if it ever stored one. */
    public <T> Uni<Optional<Stored<T>>> find(Table table, String tenantId, Class<T> type) {
        return pool.preparedQuery("select document::text, updated_at, updated_by from " + table.sqlName
                        + " where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> firstRow(rows).map(row -> stored(row, type, table)));
    }

    /** The tenant's document, or {@code defaults} when it never stored one: the pipeline's view. */
    public <T> Uni<T> findOrDefault(Table table, String tenantId, Class<T> type, Supplier<T> defaults) {
        return find(table, tenantId, type)
                .map(stored -> stored.map(Stored::document).orElseGet(defaults));
    }

    /** Stores {@code document} as the tenant's, replacing any earlier one. */
    public <T> Uni<Saved<T>> replace(Table table, String tenantId, T document, String actor) {
        String sql = "insert into " + table.sqlName + " (tenant_id, document, updated_at, updated_by) "
                + "values ($1, cast(cast($2 as text) as jsonb), now(), $3) on conflict (tenant_id) do update set "
                + "document = excluded.document, updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                + "version = " + table.sqlName + ".version + 1 returning (xmax = 0) as created, updated_at, updated_by";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(tenantId, write(document, table), actor))
                .map(rows -> saved(rows.iterator().next(), document));
    }

    private static Optional<Row> firstRow(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private <T> Stored<T> stored(Row row, Class<T> type, Table table) {
        return new Stored<>(read(row.getString(0), type, table), row.getOffsetDateTime(1).toInstant(),
                row.getString(2));
    }

    private static <T> Saved<T> saved(Row row, T document) {
        return new Saved<>(new Stored<>(document, row.getOffsetDateTime("updated_at").toInstant(),
                row.getString("updated_by")), row.getBoolean("created"));
    }

    private String write(Object document, Table table) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + table.sqlName + " document cannot be written as JSON", e);
        }
    }

    private <T> T read(String document, Class<T> type, Table table) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + table.sqlName + " document is not valid JSON", e);
        }
    }
}
