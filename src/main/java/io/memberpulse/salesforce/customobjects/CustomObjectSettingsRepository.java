package io.memberpulse.salesforce.customobjects;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class CustomObjectSettingsRepository implements PanacheRepositoryBase<CustomObjectSettingsRow, String> {

    /** The tenant's stored settings, or null when it uses the defaults. */
    @WithSession
    Uni<CustomObjectSettingsRow> find(String tenantId) {
        return findById(tenantId);
    }
}
