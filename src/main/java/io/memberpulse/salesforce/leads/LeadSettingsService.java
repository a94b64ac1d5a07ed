package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.config.SettingsDocuments;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The lead-enrichment settings API and the pipeline's view of them. */
@ApplicationScoped
public class LeadSettingsService {

    private static final SettingsDocuments.Table TABLE = SettingsDocuments.Table.LEAD_SETTINGS;

    private final ConnectionService connections;
    private final LeadOrgCheck org;
    private final SettingsDocuments documents;

    LeadSettingsService(ConnectionService connections, LeadOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The tenant's settings; the defaults (off) when it never stored any. */
    public Uni<LeadSettings> settings(String tenantId) {
        return documents.findOrDefault(TABLE, tenantId, LeadSettings.class, LeadSettings::defaults);
    }

    public Uni<LeadSettingsView> get(String tenantId) {
        return connections.requireConnection(tenantId)
                .chain(() -> documents.find(TABLE, tenantId, LeadSettings.class))
                .map(stored -> stored.map(LeadSettingsService::view)
                        .orElseGet(() -> new LeadSettingsView(LeadSettings.defaults(), false, null, null, null, null)));
    }

    public Uni<Replaced<LeadSettingsView>> put(String tenantId, LeadSettingsRequest request, String actor) {
        return connections.requireConnection(tenantId)
                .map(ignored -> LeadSettingsValidator.validate(request))
                .chain(settings -> checkThenStore(tenantId, settings, actor));
    }

    private Uni<Replaced<LeadSettingsView>> checkThenStore(String tenantId, LeadSettings settings, String actor) {
        return org.check(tenantId, settings)
                .invoke(LeadOrgCheck.Result::requireValid)
                .chain(result -> store(tenantId, settings, actor, result));
    }

    private Uni<Replaced<LeadSettingsView>> store(String tenantId, LeadSettings settings, String actor,
            LeadOrgCheck.Result result) {
        return documents.replace(TABLE, tenantId, settings, actor)
                .invoke(() -> Log.infof("Lead enrichment of tenant %s set to %s by %s", tenantId,
                        settings.enabled() ? "on" : "off", actor))
                .map(saved -> new Replaced<>(new LeadSettingsView(settings, true, saved.stored().updatedAt(),
                        saved.stored().updatedBy(), result.validated(), result.warning()), saved.created()));
    }

    private static LeadSettingsView view(SettingsDocuments.Stored<LeadSettings> stored) {
        return new LeadSettingsView(stored.document(), true, stored.updatedAt(), stored.updatedBy(), null, null);
    }
}
