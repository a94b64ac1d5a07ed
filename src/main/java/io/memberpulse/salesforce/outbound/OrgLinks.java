package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.tenant.OrgChangeListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Member links (Contact ids, values last written) and company Accounts belong to one org. When the
 * tenant's connection leads to another org, or is deleted, they are forgotten (companies become
 * unresolved): otherwise values "already written" would never reach the new org, and Contacts
 * would point at the old org's Accounts.
 */
@ApplicationScoped
class OrgLinks implements OrgChangeListener {

    private final Pool pool;

    OrgLinks(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> orgChanged(String tenantId) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "delete from member_link where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                // Companies stay known but unresolved: the resolver finds or creates their Accounts
                // in the new org before any Contact that needs one is sent.
                .chain(() -> connection.preparedQuery("update account_link set account_id = null where tenant_id = $1")
                        .execute(Tuple.of(tenantId))))
                .replaceWithVoid();
    }
}
