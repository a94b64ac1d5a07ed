package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.config.SettingsDocuments;
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

    private static final SettingsDocuments.Table TABLE = SettingsDocuments.Table.CAMPAIGN_SETTINGS;

    private final ConnectionService connections;
    private final CampaignOrgCheck org;
    private final SettingsDocuments documents;

    CampaignRulesService(ConnectionService connections, CampaignOrgCheck org, SettingsDocuments documents) {
        this.connections = connections;
        this.org = org;
        this.documents = documents;
    }

    /** The tenant's campaign settings; the (empty) defaults when it never stored any. */
    public Uni<CampaignSettings> settings(String tenantId) {
        return documents.findOrDefault(TABLE, tenantId, CampaignSettings.class, CampaignSettings::defaults);
    }

    public Uni<CampaignRulesView> get(String tenantId) {
        return connections.requireConnection(tenantId)
                .chain(() -> documents.find(TABLE, tenantId, CampaignSettings.class))
                .map(stored -> stored.map(CampaignRulesService::view).orElseGet(CampaignRulesView::defaults));
    }

    public Uni<Replaced<CampaignRulesView>> put(String tenantId, CampaignRulesRequest request, String actor) {
        return connections.requireConnection(tenantId)
                .map(ignored -> CampaignRulesValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CampaignCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced<CampaignRulesView>> store(String tenantId, CampaignCheck check, String actor) {
        return documents.replace(TABLE, tenantId, check.settings(), actor)
                .invoke(saved -> Log.infof("Campaign rules of tenant %s %s by %s", tenantId,
                        saved.created() ? "created" : "replaced", actor))
                .map(saved -> new Replaced<>(view(saved.stored()).checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private static CampaignRulesView view(SettingsDocuments.Stored<CampaignSettings> stored) {
        return CampaignRulesView.stored(stored.document(), stored.updatedAt(), stored.updatedBy());
    }
}
