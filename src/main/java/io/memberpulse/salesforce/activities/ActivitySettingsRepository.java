package io.memberpulse.salesforce.activities;

import io.memberpulse.salesforce.config.SettingsRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code activity_settings} table: one row per tenant that changed the defaults. */
@ApplicationScoped
class ActivitySettingsRepository {

    private static final String TABLE = "activity_settings";

    private final SettingsRows rows;

    ActivitySettingsRepository(SettingsRows rows) {
        this.rows = rows;
    }

    Uni<Optional<ActivitySettings>> find(String tenantId) {
        return rows.find(TABLE, tenantId, ActivitySettingsRepository::settings);
    }

    /** Stores the settings; answers whether the tenant had none before. */
    Uni<Boolean> save(String tenantId, ActivitySettings s, String actor) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("subject_prefix", s.subjectPrefix());
        columns.put("ticket_tasks", s.ticketTasks());
        columns.put("event_tasks", s.eventTasks());
        columns.put("external_id_field", s.externalIdField());
        return rows.upsert(TABLE, tenantId, columns, actor);
    }

    private static ActivitySettings settings(Row row) {
        return new ActivitySettings(row.getString("subject_prefix"), row.getBoolean("ticket_tasks"),
                row.getBoolean("event_tasks"), row.getString("external_id_field"));
    }
}
