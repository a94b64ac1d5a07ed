package io.memberpulse.salesforce.authorization;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

@ApplicationScoped
class PendingAuthorizationRepository implements PanacheRepositoryBase<PendingAuthorization, String> {

    /** Finds and removes the pending authorization in one transaction: a state works once. */
    Uni<PendingAuthorization> take(String stateHash) {
        return find("stateHash", stateHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .call(found -> found == null ? Uni.createFrom().nullItem() : delete(found));
    }

    Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
