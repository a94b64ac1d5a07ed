package io.memberpulse.salesforce.leads;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LeadSettingsRepository implements PanacheRepositoryBase<LeadSettingsRow, String> {

    /** The tenant's stored settings, or null when it uses the defaults. */
    @WithSession
    Uni<LeadSettingsRow> find(String tenantId) {
        return findById(tenantId);
    }
}
