package io.memberpulse.salesforce.tags;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The {@code tag_settings} table: one row per tenant that changed the defaults. */
@ApplicationScoped
class TagSettingsRepository {

    private final Pool pool;

    TagSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Optional<TagSettings>> find(String tenantId) {
        return pool.preparedQuery("select * from tag_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(settings(rows.iterator().next())));
    }

    /** Stores the settings; answers whether the tenant had none before. */
    Uni<Boolean> save(String tenantId, TagSettings s, String actor) {
        return pool.preparedQuery("insert into tag_settings (tenant_id, target, picklist_field, picklist_baseline, "
                + "object_name, contact_field, tag_field, external_id_field, updated_by) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (tenant_id) do update set "
                + "target = excluded.target, picklist_field = excluded.picklist_field, "
                + "picklist_baseline = excluded.picklist_baseline, object_name = excluded.object_name, "
                + "contact_field = excluded.contact_field, tag_field = excluded.tag_field, "
                + "external_id_field = excluded.external_id_field, updated_by = excluded.updated_by, "
                + "updated_at = now() returning (xmax = 0) as created")
                .execute(Tuple.from(java.util.List.of(tenantId, s.target().name(), s.picklistField(),
                        s.picklistBaseline().name(), s.objectName(), s.contactField(), s.tagField(),
                        s.externalIdField(), actor)))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    private static TagSettings settings(Row row) {
        return new TagSettings(TagTarget.valueOf(row.getString("target")), row.getString("picklist_field"),
                PicklistBaseline.valueOf(row.getString("picklist_baseline")), row.getString("object_name"),
                row.getString("contact_field"), row.getString("tag_field"), row.getString("external_id_field"));
    }
}
