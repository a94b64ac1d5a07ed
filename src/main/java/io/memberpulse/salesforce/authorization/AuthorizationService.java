package io.memberpulse.salesforce.authorization;

import io.memberpulse.salesforce.salesforce.AuthorizedOrg;
import io.memberpulse.salesforce.salesforce.SalesforceAuthorization;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.secrets.SealedSecret;
import io.memberpulse.salesforce.secrets.SecretCipher;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;

/**
 * "Connect with Salesforce": starts the web server flow (state and PKCE verifier stored, bound to
 * the tenant) and completes it on the callback (state used once, code exchanged outside any
 * transaction, refresh token stored sealed). Every outcome ends as a redirect to the portal.
 */
@ApplicationScoped
public class AuthorizationService {

    private final PendingAuthorizationRepository pending;
    private final TenantCredentials credentials;
    private final ConnectionService connections;
    private final SalesforceAuthorization salesforce;
    private final SecretCipher cipher;
    private final AuthorizationConfig config;

    AuthorizationService(PendingAuthorizationRepository pending, TenantCredentials credentials,
            ConnectionService connections, SalesforceAuthorization salesforce, SecretCipher cipher,
            AuthorizationConfig config) {
        this.pending = pending;
        this.credentials = credentials;
        this.connections = connections;
        this.salesforce = salesforce;
        this.cipher = cipher;
        this.config = config;
    }

    /** Where to send the admin's browser, and until when the link works. */
    public record Started(String authorizationUrl, Instant expiresAt) {
    }

    /** What Salesforce sent back to the callback. */
    public record Callback(String code, String state, String error) {
    }

    @WithTransaction
    public Uni<Started> start(String tenantId, String actor) {
        String state = Pkce.newState();
        String verifier = Pkce.newVerifier();
        return pending.deleteExpired(Instant.now())
                .chain(() -> credentials.appOf(tenantId))
                .chain(app -> save(tenantId, app, state, verifier, actor))
                .map(saved -> new Started(AuthorizationUrls.of(saved, state, Pkce.challenge(verifier),
                        config.scopes()), saved.expiresAt));
    }

    /** Completes the flow; always answers the portal URL to redirect to, never an error page. */
    public Uni<URI> complete(Callback callback) {
        if (callback.state() == null || callback.state().isBlank()) {
            return Uni.createFrom().item(PortalRedirects.of(config, null, "error", "missing_state"));
        }
        String stateHash = Pkce.hash(callback.state());
        return Panache.withTransaction(() -> pending.take(stateHash))
                .chain(found -> finish(found, callback));
    }

    private Uni<URI> finish(PendingAuthorization found, Callback callback) {
        if (found == null) {
            return redirect(null, "error", "invalid_state");
        }
        if (found.expiresAt.isBefore(Instant.now())) {
            return redirect(found.tenantId, "error", "expired_state");
        }
        if (callback.error() != null) {
            return redirect(found.tenantId, "denied", callback.error());
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return redirect(found.tenantId, "error", "missing_code");
        }
        return exchange(found, callback.code())
                .chain(org -> store(found, org))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> failed(found, (SalesforceException) failure));
    }

    private Uni<AuthorizedOrg> exchange(PendingAuthorization found, String code) {
        String verifier = cipher.open(new SealedSecret(found.codeVerifier, found.keyId), aad(found.stateHash));
        return credentials.appOf(found.tenantId)
                .chain(app -> salesforce.exchangeCode(found.tenantId, found.loginUrl, app.clientId(),
                        app.clientSecret(), code, found.redirectUri, verifier));
    }

    private Uni<URI> store(PendingAuthorization found, AuthorizedOrg org) {
        if (org.refreshToken() == null) {
            return redirect(found.tenantId, "error", "no_refresh_token");
        }
        return connections.storeAuthorization(found.tenantId, org.refreshToken(), org.orgId(), org.instanceUrl(),
                found.requestedBy)
                .invoke(() -> Log.infof("Tenant %s connected to Salesforce org %s", found.tenantId, org.orgId()))
                .replaceWith(PortalRedirects.of(config, found.tenantId, "connected", null));
    }

    private URI failed(PendingAuthorization found, SalesforceException failure) {
        Log.warnf("Connect with Salesforce failed for tenant %s: %s", found.tenantId, failure.errorCode());
        return PortalRedirects.of(config, found.tenantId, "error", failure.errorCode());
    }

    private Uni<PendingAuthorization> save(String tenantId, TenantCredentials.ConnectedApp app, String state,
            String verifier, String actor) {
        PendingAuthorization row = new PendingAuthorization();
        row.stateHash = Pkce.hash(state);
        SealedSecret sealed = cipher.seal(verifier, aad(row.stateHash));
        row.codeVerifier = sealed.ciphertext();
        row.keyId = sealed.keyId();
        row.tenantId = tenantId;
        row.redirectUri = config.callbackUrl();
        row.loginUrl = app.loginUrl();
        row.clientId = app.clientId();
        row.requestedBy = actor;
        row.createdAt = Instant.now();
        row.expiresAt = row.createdAt.plus(config.stateLifetime());
        return pending.persist(row);
    }

    private Uni<URI> redirect(String tenantId, String outcome, String reason) {
        return Uni.createFrom().item(PortalRedirects.of(config, tenantId, outcome, reason));
    }

    private static String aad(String stateHash) {
        return "oauth/" + stateHash;
    }
}
