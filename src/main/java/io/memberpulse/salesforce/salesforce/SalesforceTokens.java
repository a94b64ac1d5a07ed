package io.memberpulse.salesforce.salesforce;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Access tokens per tenant: cached for the configured lifetime, fetched single-flight (a burst of
 * concurrent callers after expiry shares one token request, because Salesforce rejects concurrent
 * use of one refresh token), evicted on {@code INVALID_SESSION_ID}. Credentials Salesforce rejected
 * are remembered, so the token endpoint is not hammered until an admin changes them.
 */
@ApplicationScoped
public class SalesforceTokens {

    private final OAuthClients clients;
    private final SalesforceConfig config;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();

    /** One tenant's current or in-flight token. */
    private static final class Slot {
        final String fingerprint;
        final AtomicReference<AccessToken> resolved = new AtomicReference<>();
        Uni<AccessToken> token;

        Slot(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        boolean usable(String wanted, Instant now) {
            AccessToken current = resolved.get();
            return fingerprint.equals(wanted) && (current == null || !current.isExpired(now));
        }
    }

    private record Rejection(String fingerprint, SalesforceException.CredentialsRejected error) {
    }

    SalesforceTokens(OAuthClients clients, SalesforceConfig config, MeterRegistry metrics) {
        this.clients = clients;
        this.config = config;
        this.metrics = metrics;
    }

    /** A valid session for the tenant, from cache or from one shared token request. */
    public Uni<AccessToken> token(OrgCredentials credentials) {
        Rejection rejection = rejected.get(credentials.tenantId());
        if (rejection != null && rejection.fingerprint().equals(credentials.fingerprint())) {
            return Uni.createFrom().failure(rejection.error());
        }
        Slot slot = slots.compute(credentials.tenantId(), (tenant, existing) ->
                existing != null && existing.usable(credentials.fingerprint(), clock.instant()) ? existing
                        : newSlot(credentials));
        return onCallersContext(slot.token);
    }

    /**
     * A shared token request completes on the context of whoever started it; every other caller
     * must resume on its own Vert.x context, where its Hibernate Reactive session lives.
     */
    private static Uni<AccessToken> onCallersContext(Uni<AccessToken> shared) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return context == null ? shared : shared.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** Drops the tenant's token if it is still the one that Salesforce just called invalid. */
    public void evict(String tenantId, AccessToken stale) {
        slots.computeIfPresent(tenantId, (tenant, slot) -> slot.resolved.get() == stale ? null : slot);
    }

    /** Forgets everything about a tenant: cached token, remembered rejection, OIDC client. */
    public void forget(String tenantId) {
        slots.remove(tenantId);
        rejected.remove(tenantId);
        clients.forget(tenantId);
    }

    /** Whether Salesforce rejected these credentials: the tenant must reconnect. */
    public boolean isRejected(OrgCredentials credentials) {
        Rejection rejection = rejected.get(credentials.tenantId());
        return rejection != null && rejection.fingerprint().equals(credentials.fingerprint());
    }

    private Slot newSlot(OrgCredentials credentials) {
        Slot slot = new Slot(credentials.fingerprint());
        slot.token = fetch(credentials)
                .invoke(slot.resolved::set)
                .onFailure().invoke(failure -> forgetFailedSlot(credentials, slot, failure))
                .memoize().indefinitely();
        return slot;
    }

    private Uni<AccessToken> fetch(OrgCredentials credentials) {
        return clients.forTenant(credentials)
                .invoke(() -> metrics.counter("memberpulse.salesforce.token.requests",
                        "grant", credentials.grant().name()).increment())
                .chain(client -> grant(client, credentials))
                .map(this::toAccessToken)
                .invoke(token -> Log.infof("New Salesforce session for tenant %s on %s", credentials.tenantId(),
                        token.instanceUrl()))
                .onFailure().transform(TokenErrors::translate);
    }

    private static Uni<Tokens> grant(OidcClient client, OrgCredentials credentials) {
        return credentials.grant() == OrgCredentials.Grant.CLIENT_CREDENTIALS ? client.getTokens()
                : client.refreshTokens(credentials.refreshToken());
    }

    private AccessToken toAccessToken(Tokens tokens) {
        return new AccessToken(tokens.getAccessToken(), tokens.get("instance_url"), orgIdFrom(tokens.get("id")),
                clock.instant().plus(config.tokenLifetime()));
    }

    /** {@code https://login.salesforce.com/id/00D.../005...} names the org. */
    static String orgIdFrom(String identityUrl) {
        if (identityUrl == null) {
            return null;
        }
        String[] parts = identityUrl.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("id")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private void forgetFailedSlot(OrgCredentials credentials, Slot slot, Throwable failure) {
        slots.remove(credentials.tenantId(), slot);
        if (failure instanceof SalesforceException.CredentialsRejected) {
            rejected.put(credentials.tenantId(), new Rejection(credentials.fingerprint(),
                    (SalesforceException.CredentialsRejected) failure));
            Log.warnf("Salesforce rejected the credentials of tenant %s (%s): reconnect needed",
                    credentials.tenantId(), ((SalesforceException) failure).errorCode());
        }
    }
}
