package io.memberpulse.salesforce.config;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-tenant settings kept as columns (one row per tenant that changed the defaults, keyed by
 * {@code tenant_id}, with {@code updated_at} and {@code updated_by}): the read and the upsert that
 * activity and tag settings share. Table and column names are the callers' constants, never input.
 */
@ApplicationScoped
public class SettingsRows {

    private final Pool pool;

    SettingsRows(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's row read by {@code settings}, if it ever stored one. */
    public <T> Uni<Optional<T>> find(String table, String tenantId, Function<Row, T> settings) {
        return pool.preparedQuery("select * from " + table + " where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(settings.apply(rows.iterator().next())));
    }

    /** Stores the columns (in the map's order) as the tenant's row; answers whether the tenant had none before. */
    public Uni<Boolean> upsert(String table, String tenantId, Map<String, Object> columns, String actor) {
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        values.addAll(columns.values());
        values.add(actor);
        return pool.preparedQuery(upsertSql(table, columns.keySet().stream().toList()))
                .execute(Tuple.from(values))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    private static String upsertSql(String table, List<String> columns) {
        StringBuilder placeholders = new StringBuilder("$1");
        for (int i = 0; i <= columns.size(); i++) {
            placeholders.append(", $").append(i + 2);
        }
        String updates = columns.stream().map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        return "insert into " + table + " (tenant_id, " + String.join(", ", columns) + ", updated_by) values ("
                + placeholders + ") on conflict (tenant_id) do update set " + updates
                + ", updated_by = excluded.updated_by, updated_at = now() returning (xmax = 0) as created";
    }
}
