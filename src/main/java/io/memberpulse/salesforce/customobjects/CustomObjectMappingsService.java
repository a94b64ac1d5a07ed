package io.memberpulse.salesforce.customobjects;

import io.memberpulse.salesforce.config.SettingsDocuments;
import io.memberpulse.salesforce.problem.ProblemException;
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

    private final ConnectionService connections;
    private final CustomObjectOrgCheck org;
    private final SettingsDocuments documents;

    CustomObjectMappingsService(ConnectionService connections, CustomObjectOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The outcome of a PUT: the stored settings as answered, and whether they were the tenant's first. */
    public record Replaced(CustomObjectMappingsView view, boolean created) {
    }

    /** The tenant's custom object mappings; none when it never stored any. */
    public Uni<CustomObjectSettings> settings(String tenantId) {
        return documents.find(SettingsDocuments.Table.CUSTOM_OBJECT_SETTINGS, tenantId, CustomObjectSettings.class)
                .map(stored -> stored.map(SettingsDocuments.Stored::document)
                        .orElseGet(CustomObjectSettings::defaults));
    }

    public Uni<CustomObjectMappingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> documents.find(SettingsDocuments.Table.CUSTOM_OBJECT_SETTINGS, tenantId, CustomObjectSettings.class))
                .map(stored -> stored.map(this::view).orElseGet(CustomObjectMappingsView::defaults));
    }

    public Uni<Replaced> put(String tenantId, CustomObjectMappingsRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> CustomObjectsValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CustomObjectCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced> store(String tenantId, CustomObjectCheck check, String actor) {
        return replace(tenantId, check.settings(), actor)
                .map(saved -> new Replaced(saved.view().checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private Uni<Replaced> replace(String tenantId, CustomObjectSettings settings, String actor) {
        return documents.replace(SettingsDocuments.Table.CUSTOM_OBJECT_SETTINGS, tenantId, settings, actor)
                .invoke(saved -> Log.infof("Custom object mappings of tenant %s %s by %s", tenantId,
                        saved.created() ? "created" : "replaced", actor))
                .map(saved -> new Replaced(view(saved.stored()), saved.created()));
    }

    private CustomObjectMappingsView view(SettingsDocuments.Stored<CustomObjectSettings> stored) {
        return CustomObjectMappingsView.stored(stored.document(), stored.updatedAt(), stored.updatedBy());
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }
}
