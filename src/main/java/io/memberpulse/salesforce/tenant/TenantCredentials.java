package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.config.SalesforcePlatformConfig;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.secrets.SecretName;
import io.memberpulse.salesforce.secrets.TenantSecretService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns a tenant's stored settings into the credentials the connector logs in with. A refresh token
 * from "Connect with Salesforce" wins; otherwise the tenant's own connected app uses client
 * credentials against its My Domain. The platform's app (no consumer key of the tenant's own) can
 * only connect through the authorization flow.
 */
@ApplicationScoped
public class TenantCredentials {

    private final ConnectionRepository connections;
    private final TenantSecretService secrets;
    private final LoginHosts loginHosts;
    private final SalesforcePlatformConfig platform;

    TenantCredentials(ConnectionRepository connections, TenantSecretService secrets, LoginHosts loginHosts,
            SalesforcePlatformConfig platform) {
        this.connections = connections;
        this.secrets = secrets;
        this.loginHosts = loginHosts;
        this.platform = platform;
    }

    /** The connected app a tenant authorizes with: its own, else the platform's. */
    public record ConnectedApp(String clientId, String clientSecret, String loginUrl) {
        @Override
        public String toString() {
            return "ConnectedApp[clientId=" + clientId + ", loginUrl=" + loginUrl + "]";
        }
    }

    @WithSession
    public Uni<OrgCredentials> of(String tenantId) {
        return connections.findById(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .chain(connection -> app(connection)
                        .chain(app -> credentials(connection, app)));
    }

    @WithSession
    public Uni<ConnectedApp> appOf(String tenantId) {
        return connections.findById(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .chain(this::app);
    }

    private Uni<ConnectedApp> app(SalesforceConnection connection) {
        String loginUrl = loginHosts.loginUrl(connection);
        if (connection.consumerKey != null) {
            return secrets.reveal(connection.tenantId, SecretName.CONSUMER_SECRET)
                    .map(secret -> new ConnectedApp(connection.consumerKey, secret.orElse(null), loginUrl));
        }
        if (platform.clientId().isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_CONNECTED,
                    "No connected app: set consumerKey and consumerSecret, or configure SALESFORCE_CLIENT_ID"));
        }
        return Uni.createFrom().item(new ConnectedApp(platform.clientId().get(), platform.clientSecret().orElse(null),
                loginUrl));
    }

    private Uni<OrgCredentials> credentials(SalesforceConnection connection, ConnectedApp app) {
        return secrets.reveal(connection.tenantId, SecretName.REFRESH_TOKEN)
                .map(refreshToken -> choose(connection, app, refreshToken));
    }

    private static OrgCredentials choose(SalesforceConnection connection, ConnectedApp app,
            Optional<String> refreshToken) {
        if (refreshToken.isPresent()) {
            return OrgCredentials.refreshToken(connection.tenantId, app.loginUrl(), app.clientId(), app.clientSecret(),
                    refreshToken.get());
        }
        if (connection.consumerKey == null) {
            throw new ProblemException(ProblemType.NOT_CONNECTED, "Connect with Salesforce first: "
                    + "POST /connection/authorize, or set the consumer key and secret of your own connected app");
        }
        if (connection.myDomainUrl == null) {
            throw new ProblemException(ProblemType.NOT_CONNECTED, "Client credentials need your org's My Domain URL: "
                    + "set myDomainUrl, or connect with Salesforce instead");
        }
        return OrgCredentials.clientCredentials(connection.tenantId, connection.myDomainUrl, app.clientId(),
                app.clientSecret());
    }
}
