package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.config.SettingsDocuments;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The campaign-rules settings API and the pipeline's view of them: validate the document, check it
 * against the org (no transaction open), store it (one transaction).
 */
@ApplicationScoped
public class CampaignRulesService {

    private final ConnectionService connections;
    private final CampaignOrgCheck org;
    private final SettingsDocuments documents;

    CampaignRulesService(ConnectionService connections, CampaignOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The outcome of a PUT: the stored settings as answered, and whether they were the tenant's first. */
    public record Replaced(CampaignRulesView view, boolean created) {
    }

    /** The tenant's campaign settings; the (empty) defaults when it never stored any. */
    public Uni<CampaignSettings> settings(String tenantId) {
        return documents.find(SettingsDocuments.Table.CAMPAIGN_SETTINGS, tenantId, CampaignSettings.class)
                .map(stored -> stored.map(SettingsDocuments.Stored::document)
                        .orElseGet(CampaignSettings::defaults));
    }

    public Uni<CampaignRulesView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> documents.find(SettingsDocuments.Table.CAMPAIGN_SETTINGS, tenantId, CampaignSettings.class))
                .map(stored -> stored.map(this::view).orElseGet(CampaignRulesView::defaults));
    }

    public Uni<Replaced> put(String tenantId, CampaignRulesRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> CampaignRulesValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CampaignCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced> store(String tenantId, CampaignCheck check, String actor) {
        return replace(tenantId, check.settings(), actor)
                .map(saved -> new Replaced(saved.view().checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private Uni<Replaced> replace(String tenantId, CampaignSettings settings, String actor) {
        return documents.replace(SettingsDocuments.Table.CAMPAIGN_SETTINGS, tenantId, settings, actor)
                .invoke(saved -> Log.infof("Campaign rules of tenant %s %s by %s", tenantId,
                        saved.created() ? "created" : "replaced", actor))
                .map(saved -> new Replaced(view(saved.stored()), saved.created()));
    }

    private CampaignRulesView view(SettingsDocuments.Stored<CampaignSettings> stored) {
        return CampaignRulesView.stored(stored.document(), stored.updatedAt(), stored.updatedBy());
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }
}
