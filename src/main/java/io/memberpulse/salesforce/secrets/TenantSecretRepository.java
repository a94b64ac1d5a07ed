package io.memberpulse.salesforce.secrets;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class TenantSecretRepository implements PanacheRepositoryBase<TenantSecret, Long> {

    Uni<TenantSecret> findOne(String tenantId, SecretName name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResult();
    }

    Uni<List<TenantSecret>> findAll(String tenantId) {
        return list("tenantId", tenantId);
    }

    Uni<Long> deleteOne(String tenantId, SecretName name) {
        return delete("tenantId = ?1 and name = ?2", tenantId, name);
    }

    Uni<Long> deleteAll(String tenantId) {
        return delete("tenantId", tenantId);
    }
}
