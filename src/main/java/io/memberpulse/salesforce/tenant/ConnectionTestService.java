package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.salesforce.AccessToken;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Test connection": obtains a session, reads {@code /limits} and describes Contact, then records
 * the outcome on the connection. No database transaction is open while Salesforce is called.
 */
@ApplicationScoped
public class ConnectionTestService {

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;
    private final ConnectionService connections;

    ConnectionTestService(TenantCredentials credentials, SalesforceClient salesforce, ConnectionService connections) {
        this.credentials = credentials;
        this.salesforce = salesforce;
        this.connections = connections;
    }

    public Uni<ConnectionTestResult> test(String tenantId) {
        return credentials.of(tenantId)
                .chain(this::probe)
                .call(result -> connections.markConnected(tenantId, result.orgId(), result.instanceUrl()))
                .onFailure(SalesforceException.CredentialsRejected.class)
                .call(rejected -> connections.markReconnectNeeded(tenantId,
                        ConnectionProblems.stateDetail((SalesforceException) rejected)))
                .onFailure(SalesforceException.class)
                .transform(failure -> ConnectionProblems.of((SalesforceException) failure));
    }

    private Uni<ConnectionTestResult> probe(OrgCredentials org) {
        return salesforce.session(org)
                .chain(session -> limitsAndContact(org, session));
    }

    private Uni<ConnectionTestResult> limitsAndContact(OrgCredentials org, AccessToken session) {
        return Uni.combine().all().unis(salesforce.limits(org), salesforce.describe(org, "Contact"))
                .asTuple()
                .map(both -> ConnectionTestResult.of(session.orgId(), session.instanceUrl(), both.getItem1(),
                        both.getItem2()));
    }
}
