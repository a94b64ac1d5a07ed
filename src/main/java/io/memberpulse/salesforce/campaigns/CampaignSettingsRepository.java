package io.memberpulse.salesforce.campaigns;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class CampaignSettingsRepository implements PanacheRepositoryBase<CampaignSettingsRow, String> {

    /** The tenant's stored settings, or null when it uses the defaults. */
    @WithSession
    Uni<CampaignSettingsRow> find(String tenantId) {
        return findById(tenantId);
    }
}
