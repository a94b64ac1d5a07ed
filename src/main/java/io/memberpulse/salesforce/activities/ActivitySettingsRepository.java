package io.memberpulse.salesforce.activities;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The {@code activity_settings} table: one row per tenant that changed the defaults. */
@ApplicationScoped
class ActivitySettingsRepository {

    private final Pool pool;

    ActivitySettingsRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Optional<ActivitySettings>> find(String tenantId) {
        return pool.preparedQuery("select * from activity_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(settings(rows.iterator().next())));
    }

    /** Stores the settings; answers whether the tenant had none before. */
    Uni<Boolean> save(String tenantId, ActivitySettings s, String actor) {
        return pool.preparedQuery("insert into activity_settings (tenant_id, subject_prefix, ticket_tasks, "
                + "event_tasks, external_id_field, updated_by) values ($1, $2, $3, $4, $5, $6) "
                + "on conflict (tenant_id) do update set subject_prefix = excluded.subject_prefix, "
                + "ticket_tasks = excluded.ticket_tasks, event_tasks = excluded.event_tasks, "
                + "external_id_field = excluded.external_id_field, updated_by = excluded.updated_by, "
                + "updated_at = now() returning (xmax = 0) as created")
                .execute(Tuple.from(java.util.List.of(tenantId, s.subjectPrefix(), s.ticketTasks(), s.eventTasks(),
                        s.externalIdField(), actor)))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    private static ActivitySettings settings(Row row) {
        return new ActivitySettings(row.getString("subject_prefix"), row.getBoolean("ticket_tasks"),
                row.getBoolean("event_tasks"), row.getString("external_id_field"));
    }
}
