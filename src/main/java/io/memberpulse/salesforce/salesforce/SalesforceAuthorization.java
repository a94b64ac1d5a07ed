package io.memberpulse.salesforce.salesforce;

import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The OAuth 2.0 web server flow with PKCE ("Connect with Salesforce"): exchanging the
 * authorization code for a refresh token, and revoking that token when a tenant disconnects.
 */
@ApplicationScoped
public class SalesforceAuthorization {

    private final OAuthClients clients;
    private final SalesforceTokens tokens;

    SalesforceAuthorization(OAuthClients clients, SalesforceTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    /** Exchanges an authorization code; the verifier proves this service started the flow. */
    public Uni<AuthorizedOrg> exchangeCode(String tenantId, String loginUrl, String clientId, String clientSecret,
            String code, String redirectUri, String codeVerifier) {
        Map<String, String> grant = Map.of("code", code, "redirect_uri", redirectUri, "code_verifier", codeVerifier);
        return clients.forCodeExchange(tenantId, loginUrl, clientId, clientSecret)
                .chain(client -> exchangeOnce(client, grant))
                .map(granted -> new AuthorizedOrg(granted.getRefreshToken(), granted.get("instance_url"),
                        SalesforceTokens.orgIdFrom(granted.get("id"))))
                .invoke(() -> tokens.forget(tenantId))
                .onFailure().transform(TokenErrors::translate);
    }

    /**
     * Revokes a tenant's refresh token at Salesforce (which also ends its sessions) and forgets
     * everything cached for it. A failure is reported, not hidden: the caller decides.
     */
    public Uni<Void> revoke(OrgCredentials credentials) {
        if (credentials.grant() != OrgCredentials.Grant.REFRESH_TOKEN) {
            tokens.forget(credentials.tenantId());
            return Uni.createFrom().voidItem();
        }
        return clients.forTenant(credentials)
                .chain(client -> revokeWith(client, credentials))
                .eventually(() -> tokens.forget(credentials.tenantId()))
                .onFailure().transform(TokenErrors::translate);
    }

    /** The exchange client serves one code: closed whatever the outcome. */
    private static Uni<io.quarkus.oidc.client.Tokens> exchangeOnce(OidcClient client, Map<String, String> grant) {
        return client.getTokens(grant)
                .eventually(() -> OAuthClients.close(client));
    }

    private static Uni<Void> revokeWith(OidcClient client, OrgCredentials credentials) {
        return client.revokeAccessToken(credentials.refreshToken())
                .invoke(revoked -> Log.infof("Refresh token of tenant %s revoked at Salesforce: %s",
                        credentials.tenantId(), revoked))
                .replaceWithVoid();
    }
}
