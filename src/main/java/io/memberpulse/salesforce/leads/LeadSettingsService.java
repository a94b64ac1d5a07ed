package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.config.SettingsDocuments;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The lead-enrichment settings API and the pipeline's view of them. */
@ApplicationScoped
public class LeadSettingsService {

    private final ConnectionService connections;
    private final LeadOrgCheck org;
    private final SettingsDocuments documents;

    LeadSettingsService(ConnectionService connections, LeadOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The outcome of a PUT. */
    public record Replaced(LeadSettingsView view, boolean created) {
    }

    /** The tenant's settings; the defaults (off) when it never stored any. */
    public Uni<LeadSettings> settings(String tenantId) {
        return documents.find(SettingsDocuments.Table.LEAD_SETTINGS, tenantId, LeadSettings.class)
                .map(stored -> stored.map(SettingsDocuments.Stored::document).orElseGet(LeadSettings::defaults));
    }

    public Uni<LeadSettingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> documents.find(SettingsDocuments.Table.LEAD_SETTINGS, tenantId, LeadSettings.class))
                .map(stored -> stored.map(this::view)
                        .orElseGet(() -> new LeadSettingsView(LeadSettings.defaults(), false, null, null, null, null)));
    }

    public Uni<Replaced> put(String tenantId, LeadSettingsRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> LeadSettingsValidator.validate(request))
                .chain(settings -> checkThenStore(tenantId, settings, actor));
    }

    private Uni<Replaced> checkThenStore(String tenantId, LeadSettings settings, String actor) {
        return org.check(tenantId, settings)
                .invoke(LeadOrgCheck.Result::requireValid)
                .chain(result -> store(tenantId, settings, actor, result));
    }

    private Uni<Replaced> store(String tenantId, LeadSettings settings, String actor, LeadOrgCheck.Result result) {
        return documents.replace(SettingsDocuments.Table.LEAD_SETTINGS, tenantId, settings, actor)
                .invoke(() -> Log.infof("Lead enrichment of tenant %s set to %s by %s", tenantId,
                        settings.enabled() ? "on" : "off", actor))
                .map(saved -> new Replaced(new LeadSettingsView(settings, true, saved.stored().updatedAt(),
                        saved.stored().updatedBy(), result.validated(), result.warning()), saved.created()));
    }

    private LeadSettingsView view(SettingsDocuments.Stored<LeadSettings> stored) {
        return new LeadSettingsView(stored.document(), true, stored.updatedAt(), stored.updatedBy(), null, null);
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }
}
