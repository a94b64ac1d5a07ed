package io.memberpulse.salesforce.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
class ConnectionAuditRepository implements PanacheRepositoryBase<ConnectionAudit, Long> {

    Uni<ConnectionAudit> record(String tenantId, ConnectionAudit.Action action, String actor, List<String> fields) {
        ConnectionAudit entry = new ConnectionAudit();
        entry.tenantId = tenantId;
        entry.action = action;
        entry.actor = actor;
        entry.changedFields = String.join(",", fields);
        entry.occurredAt = Instant.now();
        return persist(entry);
    }

    Uni<List<ConnectionAudit>> newestFirst(String tenantId, int limit) {
        return find("tenantId", Sort.descending("occurredAt", "id"), tenantId)
                .page(Page.ofSize(limit))
                .list();
    }
}
