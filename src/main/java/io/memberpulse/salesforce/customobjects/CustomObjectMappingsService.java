package io.memberpulse.salesforce.customobjects;

import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.config.SettingsDocuments;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The custom-object-mappings settings API and the pipeline's view of them: validate the document, check it
 * against the org (no transaction open), store it (one transaction).
 */
@ApplicationScoped
public class CustomObjectMappingsService {

    private static final SettingsDocuments.Table TABLE = SettingsDocuments.Table.CUSTOM_OBJECT_SETTINGS;

    private final ConnectionService connections;
    private final CustomObjectOrgCheck org;
    private final SettingsDocuments documents;

    CustomObjectMappingsService(ConnectionService connections, CustomObjectOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The tenant's custom object mappings; none when it never stored any. */
    public Uni<CustomObjectSettings> settings(String tenantId) {
        return documents.findOrDefault(TABLE, tenantId, CustomObjectSettings.class, CustomObjectSettings::defaults);
    }

    public Uni<CustomObjectMappingsView> get(String tenantId) {
        return connections.requireConnection(tenantId)
                .chain(() -> documents.find(TABLE, tenantId, CustomObjectSettings.class))
                .map(stored -> stored.map(CustomObjectMappingsService::view)
                        .orElseGet(CustomObjectMappingsView::defaults));
    }

    public Uni<Replaced<CustomObjectMappingsView>> put(String tenantId, CustomObjectMappingsRequest request,
            String actor) {
        return connections.requireConnection(tenantId)
                .map(ignored -> CustomObjectsValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CustomObjectCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced<CustomObjectMappingsView>> store(String tenantId, CustomObjectCheck check, String actor) {
        return documents.replace(TABLE, tenantId, check.settings(), actor)
                .invoke(saved -> Log.infof("Custom object mappings of tenant %s %s by %s", tenantId,
                        saved.created() ? "created" : "replaced", actor))
                .map(saved -> new Replaced<>(view(saved.stored()).checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private static CustomObjectMappingsView view(SettingsDocuments.Stored<CustomObjectSettings> stored) {
        return CustomObjectMappingsView.stored(stored.document(), stored.updatedAt(), stored.updatedBy());
    }
}
