package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.tenant.OrgChangeListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notifications still waiting name records of the tenant's previous org: when the connection leads
 * to another org, or is deleted, they are failed (kept for the record, never applied), so no
 * record id of one org is looked up in another.
 */
@ApplicationScoped
class OutboundMessageOrgChange implements OrgChangeListener {

    private final Pool pool;

    OutboundMessageOrgChange(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> orgChanged(String tenantId) {
        return pool.preparedQuery("update outbound_message_notification set status = 'FAILED', "
                + "claimed_until = null, processed_at = now(), last_error_code = 'ORG_CHANGED', "
                + "last_error = 'The tenant''s connection now leads to another org, or was deleted' "
                + "where tenant_id = $1 and status = 'PENDING'")
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }
}
