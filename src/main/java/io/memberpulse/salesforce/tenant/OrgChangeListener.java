package io.memberpulse.salesforce.tenant;

import io.smallrye.mutiny.Uni;

/**
 * Told when a tenant's connection now leads to another Salesforce org than before, or is deleted:
 * whatever a feature remembers about records of the old org (ids, values last written) is void.
 * Features implement it as a bean; the tenant feature knows none of them.
 */
public interface OrgChangeListener {

    Uni<Void> orgChanged(String tenantId);
}
