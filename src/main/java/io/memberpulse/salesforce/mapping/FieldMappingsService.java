package io.memberpulse.salesforce.mapping;

import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The field-mapping settings API: validate the document, check it against the org (no transaction
 * open), store it (one transaction), then let the sync pipeline see it.
 */
@ApplicationScoped
public class FieldMappingsService {

    private final ConnectionService connections;
    private final OrgMappingCheck org;
    private final MappingService mappings;

    FieldMappingsService(ConnectionService connections, OrgMappingCheck org, MappingService mappings) {
        this.connections = connections;
        this.org = org;
        this.mappings = mappings;
    }

    public Uni<FieldMappingsView> get(String tenantId) {
        return connections.requireConnection(tenantId)
                .chain(() -> mappings.stored(tenantId))
                .map(stored -> stored.map(FieldMappingsView::of).orElseGet(FieldMappingsView::defaults));
    }

    public Uni<Replaced<FieldMappingsView>> put(String tenantId, FieldMappingsRequest request, String actor) {
        return Uni.createFrom().item(() -> MappingRequestValidator.validate(request))
                .chain(mapping -> org.check(tenantId, mapping))
                .invoke(OrgCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced<FieldMappingsView>> store(String tenantId, OrgCheck check, String actor) {
        return mappings.replace(tenantId, check.mapping(), actor)
                .invoke(() -> mappings.invalidate(tenantId))
                .map(saved -> new Replaced<>(FieldMappingsView.of(saved.stored()).checked(check), saved.created()));
    }
}
