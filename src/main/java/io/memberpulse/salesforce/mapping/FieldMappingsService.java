package io.memberpulse.salesforce.mapping;

import io.memberpulse.salesforce.problem.ProblemException;
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

    /** The outcome of a PUT: the stored mapping as answered, and whether it was the tenant's first. */
    public record Replaced(FieldMappingsView mapping, boolean created) {
    }

    public Uni<FieldMappingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> mappings.stored(tenantId))
                .map(stored -> stored.map(FieldMappingsView::of).orElseGet(FieldMappingsView::defaults));
    }

    public Uni<Replaced> put(String tenantId, FieldMappingsRequest request, String actor) {
        return Uni.createFrom().item(() -> MappingRequestValidator.validate(request))
                .chain(mapping -> org.check(tenantId, mapping))
                .invoke(OrgCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced> store(String tenantId, OrgCheck check, String actor) {
        return mappings.replace(tenantId, check.mapping(), actor)
                .invoke(() -> mappings.invalidate(tenantId))
                .map(saved -> new Replaced(FieldMappingsView.of(saved.stored()).checked(check), saved.created()));
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }
}
