package io.memberpulse.salesforce.mapping;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SyncSettingsRepository implements PanacheRepositoryBase<SyncSettings, String> {

    /** The tenant's stored settings, or null when it uses the defaults. */
    @WithSession
    Uni<SyncSettings> find(String tenantId) {
        return findById(tenantId);
    }
}
