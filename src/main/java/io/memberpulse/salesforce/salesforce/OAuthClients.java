package io.memberpulse.salesforce.salesforce;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code quarkus-oidc-client} per tenant, created at runtime against the tenant's login host
 * and connected app, and replaced when the credentials change.
 */
@ApplicationScoped
class OAuthClients {

    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String REVOKE_PATH = "/services/oauth2/revoke";

    private final OidcClients oidcClients;
    private final SalesforceConfig config;
    private final Map<String, Entry> byTenant = new ConcurrentHashMap<>();

    private static final class Entry {
        final String fingerprint;
        final Uni<OidcClient> client;

        Entry(String fingerprint, Uni<OidcClient> client) {
            this.fingerprint = fingerprint;
            this.client = client;
        }
    }

    OAuthClients(OidcClients oidcClients, SalesforceConfig config) {
        this.oidcClients = oidcClients;
        this.config = config;
    }

    /** The tenant's client for its stored grant (client credentials or refresh token). */
    Uni<OidcClient> forTenant(OrgCredentials credentials) {
        Entry entry = byTenant.compute(credentials.tenantId(), (tenant, existing) -> {
            if (existing != null && existing.fingerprint.equals(credentials.fingerprint())) {
                return existing;
            }
            if (existing != null) {
                existing.client.subscribe().with(OAuthClients::close, failure -> { });
            }
            OidcClientConfig.Grant.Type grant = credentials.grant() == OrgCredentials.Grant.CLIENT_CREDENTIALS
                    ? OidcClientConfig.Grant.Type.CLIENT : OidcClientConfig.Grant.Type.REFRESH;
            return new Entry(credentials.fingerprint(), oidcClients.newClient(
                    configFor(credentials.tenantId(), credentials.loginUrl(), credentials.clientId(),
                            credentials.clientSecret(), grant)).memoize().indefinitely());
        });
        return entry.client;
    }

    /** A one-off client for the authorization-code exchange of "Connect with Salesforce"; close it after use. */
    Uni<OidcClient> forCodeExchange(String tenantId, String loginUrl, String clientId, String clientSecret) {
        return oidcClients.newClient(configFor(tenantId + "-code", loginUrl, clientId, clientSecret,
                OidcClientConfig.Grant.Type.CODE));
    }

    /** Forgets a tenant's client, e.g. after it disconnected. */
    void forget(String tenantId) {
        Entry removed = byTenant.remove(tenantId);
        if (removed != null) {
            removed.client.subscribe().with(OAuthClients::close, failure -> { });
        }
    }

    private OidcClientConfig configFor(String id, String loginUrl, String clientId, String clientSecret,
            OidcClientConfig.Grant.Type grant) {
        OidcClientConfigBuilder builder = new OidcClientConfigBuilder()
                .id("salesforce-" + id)
                .authServerUrl(loginUrl)
                .discoveryEnabled(false)
                .tokenPath(TOKEN_PATH)
                .revokePath(REVOKE_PATH)
                .clientId(clientId)
                .grant(grant)
                // Salesforce sends no expires_in: the lifetime is ours to set.
                .accessTokenExpiresIn(config.tokenLifetime())
                .connectionTimeout(config.callTimeout())
                .connectionRetryCount(1);
        if (clientSecret != null) {
            // Form fields, as Salesforce's documentation shows them.
            builder.credentials().clientSecret(clientSecret, Method.POST).end();
        }
        return builder.build();
    }

    static void close(OidcClient client) {
        try {
            client.close();
        } catch (IOException e) {
            Log.debugf("Closing an OIDC client failed: %s", e.getMessage());
        }
    }
}
