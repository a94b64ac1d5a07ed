package io.memberpulse.salesforce.tags;

import io.memberpulse.salesforce.config.SettingsRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code tag_settings} table: one row per tenant that changed the defaults. */
@ApplicationScoped
class TagSettingsRepository {

    private static final String TABLE = "tag_settings";

    private final SettingsRows rows;

    TagSettingsRepository(SettingsRows rows) {
        this.rows = rows;
    }

    Uni<Optional<TagSettings>> find(String tenantId) {
        return rows.find(TABLE, tenantId, TagSettingsRepository::settings);
    }

    /** Stores the settings; answers whether the tenant had none before. */
    Uni<Boolean> save(String tenantId, TagSettings s, String actor) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("target", s.target().name());
        columns.put("picklist_field", s.picklistField());
        columns.put("picklist_baseline", s.picklistBaseline().name());
        columns.put("object_name", s.objectName());
        columns.put("contact_field", s.contactField());
        columns.put("tag_field", s.tagField());
        columns.put("external_id_field", s.externalIdField());
        return rows.upsert(TABLE, tenantId, columns, actor);
    }

    private static TagSettings settings(Row row) {
        return new TagSettings(TagTarget.valueOf(row.getString("target")), row.getString("picklist_field"),
                PicklistBaseline.valueOf(row.getString("picklist_baseline")), row.getString("object_name"),
                row.getString("contact_field"), row.getString("tag_field"), row.getString("external_id_field"));
    }
}
