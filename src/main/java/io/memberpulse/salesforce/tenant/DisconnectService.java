package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceAuthorization;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Disconnecting a tenant: revoke its refresh token at Salesforce first (outside any transaction),
 * then delete the connection and every stored secret. A revocation Salesforce cannot take right now
 * does not keep the admin from disconnecting; it is logged.
 */
@ApplicationScoped
public class DisconnectService {

    private final TenantCredentials credentials;
    private final SalesforceAuthorization authorization;
    private final ConnectionService connections;

    DisconnectService(TenantCredentials credentials, SalesforceAuthorization authorization,
            ConnectionService connections) {
        this.credentials = credentials;
        this.authorization = authorization;
        this.connections = connections;
    }

    public Uni<Void> disconnect(String tenantId, String actor) {
        return credentials.of(tenantId)
                .onFailure(DisconnectService::isNotConnected).recoverWithNull()
                .call(this::revoke)
                .chain(() -> connections.delete(tenantId, actor))
                .call(() -> connections.orgChanged(tenantId));
    }

    private Uni<Void> revoke(OrgCredentials org) {
        if (org == null) {
            return Uni.createFrom().voidItem();
        }
        return authorization.revoke(org)
                .onFailure(SalesforceException.class)
                .invoke(failure -> Log.warnf("Could not revoke the Salesforce authorization of tenant %s (%s); "
                        + "deleting the connection anyway", org.tenantId(), ((SalesforceException) failure).errorCode()))
                .onFailure(SalesforceException.class).recoverWithNull();
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }
}
