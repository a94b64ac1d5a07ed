package io.memberpulse.salesforce.mapping;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a mapping against the tenant's org with one describe(Contact). Runs outside any database
 * transaction. An org that cannot be asked (not connected, credentials refused, outage, open
 * breaker, API limit) does not block the admin: the mapping is then accepted unchecked, with the
 * reason. A tenant without a connection is a 404, as everywhere.
 */
@ApplicationScoped
class OrgMappingCheck {

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;

    OrgMappingCheck(TenantCredentials credentials, SalesforceClient salesforce) {
        this.credentials = credentials;
        this.salesforce = salesforce;
    }

    Uni<OrgCheck> check(String tenantId, ContactMapping mapping) {
        return credentials.of(tenantId)
                .chain(org -> salesforce.describe(org, "Contact"))
                .map(ContactSchema::of)
                .map(schema -> OrgCheck.checked(mapping, schema.problemsWith(mapping)))
                .onFailure(OrgMappingCheck::isNotConnected)
                .recoverWithItem(failure -> unchecked(tenantId, mapping, failure.getMessage()))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> unchecked(tenantId, mapping, reason((SalesforceException) failure)));
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException
                && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }

    private static OrgCheck unchecked(String tenantId, ContactMapping mapping, String reason) {
        Log.infof("Field mapping of tenant %s not checked against Salesforce: %s", tenantId, reason);
        return OrgCheck.unchecked(mapping, reason);
    }

    private static String reason(SalesforceException failure) {
        if (failure instanceof SalesforceException.CredentialsRejected) {
            return "Salesforce refused the tenant's credentials (" + failure.errorCode() + "); reconnect";
        }
        if (failure instanceof SalesforceException.Retryable || failure instanceof SalesforceException.CircuitOpen) {
            return "Salesforce could not be reached (" + failure.errorCode() + ")";
        }
        return "Salesforce refused to describe Contact (" + failure.errorCode() + "). " + failure.adminHint();
    }
}
