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

    /**
     * Inserts the secret unless the tenant already has one of that name; answers whether it did. A
     * concurrent insert of the same name waits for the other transaction and then does nothing.
     */
    Uni<Boolean> insertIfAbsent(String tenantId, SecretName name, SealedSecret sealed, String last4) {
        return getSession()
                .chain(session -> session.createNativeQuery("insert into tenant_secret (tenant_id, name, ciphertext, "
                        + "key_id, last4, updated_at) values (?1, ?2, ?3, ?4, ?5, now()) "
                        + "on conflict (tenant_id, name) do nothing")
                        .setParameter(1, tenantId)
                        .setParameter(2, name.name())
                        .setParameter(3, sealed.ciphertext())
                        .setParameter(4, sealed.keyId())
                        .setParameter(5, last4)
                        .executeUpdate())
                .map(inserted -> inserted > 0);
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
