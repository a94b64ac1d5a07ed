package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.secrets.SecretHint;
import io.memberpulse.salesforce.secrets.SecretName;
import io.memberpulse.salesforce.secrets.TenantSecretService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and changes tenants' Salesforce connection settings, with an audit entry for every change. */
@ApplicationScoped
public class ConnectionService {

    private final ConnectionRepository connections;
    private final ConnectionAuditRepository audit;
    private final TenantSecretService secrets;
    private final LoginHosts loginHosts;
    private final Instance<OrgChangeListener> orgChangeListeners;

    ConnectionService(ConnectionRepository connections, ConnectionAuditRepository audit, TenantSecretService secrets,
            LoginHosts loginHosts, Instance<OrgChangeListener> orgChangeListeners) {
        this.connections = connections;
        this.audit = audit;
        this.secrets = secrets;
        this.loginHosts = loginHosts;
        this.orgChangeListeners = orgChangeListeners;
    }

    @WithSession
    public Uni<ConnectionView> get(String tenantId) {
        return connections.findById(tenantId)
                .onItem().ifNull().failWith(() -> notFound(tenantId))
                .chain(this::view);
    }

    /** The connection entity, or null; for features that act on the settings. */
    @WithSession
    public Uni<SalesforceConnection> find(String tenantId) {
        return connections.findById(tenantId);
    }

    /** Fails with a 404 problem when the tenant has no connection: settings exist only for connected tenants. */
    public Uni<Void> requireConnection(String tenantId) {
        return find(tenantId)
                .onItem().ifNull().failWith(() -> notFound(tenantId))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Replaced<ConnectionView>> put(String tenantId, ConnectionRequest request, String actor) {
        return connections.findById(tenantId)
                .chain(current -> save(tenantId, current, ConnectionChanges.between(current, request), actor));
    }

    @WithTransaction
    public Uni<Void> delete(String tenantId, String actor) {
        return connections.findById(tenantId)
                .onItem().ifNull().failWith(() -> notFound(tenantId))
                .call(connections::delete)
                .call(() -> secrets.forgetAll(tenantId))
                .call(() -> audit.record(tenantId, ConnectionAudit.Action.DELETED, actor, List.of("connection")))
                .invoke(() -> Log.infof("Salesforce connection of tenant %s deleted by %s", tenantId, actor))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<AuditEntryView>> audit(String tenantId, int limit) {
        return audit.newestFirst(tenantId, limit)
                .invoke(entries -> requireKnown(tenantId, entries))
                .map(entries -> entries.stream().map(AuditEntryView::of).collect(Collectors.toList()));
    }

    private Uni<Replaced<ConnectionView>> save(String tenantId, SalesforceConnection current, ConnectionChanges changes, String actor) {
        boolean created = current == null;
        SalesforceConnection connection = created ? newConnection(tenantId, actor) : current;
        changes.applyTo(connection);
        if (!created && changes.changesOrg()) {
            // Another app, host or secret: the old session and refresh token no longer apply. The org
            // id stays as the last one known, so reaching a different org is noticed (markConnected).
            changeState(connection, ConnectionState.NOT_CONNECTED, "Connection settings changed");
        }
        connection.updatedAt = Instant.now();
        connection.updatedBy = actor;
        return connections.persist(connection)
                .call(() -> storeSecret(tenantId, changes))
                .call(() -> changes.changesOrg() ? secrets.forget(tenantId, SecretName.REFRESH_TOKEN)
                        : Uni.createFrom().voidItem())
                .call(() -> audit.record(tenantId, created ? ConnectionAudit.Action.CREATED
                        : ConnectionAudit.Action.UPDATED, actor, changes.changedFields()))
                .invoke(() -> Log.infof("Salesforce connection of tenant %s %s by %s; fields %s", tenantId,
                        created ? "created" : "updated", actor, changes.changedFields()))
                .replaceWith(connection)
                .chain(this::view)
                .map(view -> new Replaced<>(view, created));
    }

    /**
     * Whether the sync may call Salesforce for the tenant now, and if not, why. {@code version} is the
     * connection's as read: a turn claims work only while it is unchanged (see OutboxRepository#claim).
     */
    public record SyncGate(boolean connectionExists, boolean autoSync, ConnectionState state, Instant pausedUntil,
            String orgId, long version) {

        public boolean open(Instant now) {
            return connectionExists && autoSync && state != ConnectionState.RECONNECT_NEEDED
                    && (pausedUntil == null || !pausedUntil.isAfter(now));
        }
    }

    @WithSession
    public Uni<SyncGate> syncGate(String tenantId) {
        return connections.findById(tenantId)
                .map(c -> c == null ? new SyncGate(false, false, ConnectionState.NOT_CONNECTED, null, null, 0)
                        : new SyncGate(true, c.autoSync, c.state, c.pausedUntil, c.orgId, c.version));
    }

    /** Stops the tenant's Salesforce calls until then (REQUEST_LIMIT_EXCEEDED, API budget spent). */
    @WithTransaction
    public Uni<Void> pauseUntil(String tenantId, Instant until, String reason) {
        return connections.update("pausedUntil = ?1 where tenantId = ?2", until, tenantId)
                .invoke(() -> Log.warnf("Salesforce calls of tenant %s paused until %s: %s", tenantId, until, reason))
                .replaceWithVoid();
    }

    /**
     * A session was obtained: remember which org the tenant is connected to. If that is another org
     * than before, every feature forgets what it knew of the old one first.
     */
    @WithTransaction
    public Uni<Void> markConnected(String tenantId, String orgId, String instanceUrl) {
        return connections.findById(tenantId)
                .onItem().ifNotNull().call(connection -> forgetOldOrg(connection, orgId))
                .onItem().ifNotNull().invoke(connection -> connected(connection, orgId, instanceUrl))
                .replaceWithVoid();
    }

    /**
     * The sync found the tenant's credentials lead to {@code orgId}. Compare-and-set against the org
     * the caller last saw, so that of several replicas or slots noticing a change at once exactly
     * one records it and tells the listeners. The first org met also makes the tenant CONNECTED (a
     * session was obtained with the current settings), so its CDC subscription starts without an
     * admin having to press "test connection".
     */
    @WithTransaction
    public Uni<Void> recordOrg(String tenantId, String expectedOrgId, String orgId, String instanceUrl) {
        Uni<Integer> updated = expectedOrgId == null
                ? connections.update("orgId = ?1, instanceUrl = ?2, state = ?3, stateDetail = null, "
                        + "stateChangedAt = ?4 where tenantId = ?5 and orgId is null",
                        orgId, instanceUrl, ConnectionState.CONNECTED, Instant.now(), tenantId)
                : connections.update("orgId = ?1, instanceUrl = ?2 where tenantId = ?3 and orgId = ?4",
                        orgId, instanceUrl, tenantId, expectedOrgId);
        return updated
                .chain(count -> count == 1 && expectedOrgId != null ? orgChanged(tenantId)
                        : Uni.createFrom().voidItem());
    }

    /** Tells every {@link OrgChangeListener} that the tenant's org changed or went away. */
    public Uni<Void> orgChanged(String tenantId) {
        return Multi.createFrom().iterable(orgChangeListeners)
                .onItem().transformToUniAndConcatenate(listener -> listener.orgChanged(tenantId))
                .collect().last()
                .invoke(() -> Log.infof("Tenant %s: records of its previous Salesforce org forgotten", tenantId))
                .replaceWithVoid();
    }

    private Uni<Void> forgetOldOrg(SalesforceConnection connection, String orgId) {
        boolean changed = connection.orgId != null && orgId != null && !connection.orgId.equals(orgId);
        return changed ? orgChanged(connection.tenantId) : Uni.createFrom().voidItem();
    }

    /**
     * Salesforce rejected the tenant's credentials: nothing works until an admin reconnects. One
     * statement, not a versioned entity update: several slots may notice at the same moment.
     */
    @WithTransaction
    public Uni<Void> markReconnectNeeded(String tenantId, String detail) {
        return connections.update("state = ?1, stateDetail = ?2, stateChangedAt = ?3 where tenantId = ?4 "
                + "and (state <> ?1 or stateDetail is null or stateDetail <> ?2)",
                ConnectionState.RECONNECT_NEEDED, detail, Instant.now(), tenantId)
                .replaceWithVoid();
    }

    /** "Connect with Salesforce" succeeded: keep the refresh token, sealed, and the org it belongs to. */
    @WithTransaction
    public Uni<Void> storeAuthorization(String tenantId, String refreshToken, String orgId, String instanceUrl,
            String actor) {
        return connections.findById(tenantId)
                .onItem().ifNull().failWith(() -> notFound(tenantId))
                .call(connection -> forgetOldOrg(connection, orgId))
                .invoke(connection -> connected(connection, orgId, instanceUrl))
                .call(() -> secrets.store(tenantId, SecretName.REFRESH_TOKEN, refreshToken))
                .call(() -> audit.record(tenantId, ConnectionAudit.Action.UPDATED, actor, List.of("authorization")))
                .replaceWithVoid();
    }

    private static void connected(SalesforceConnection connection, String orgId, String instanceUrl) {
        connection.orgId = orgId;
        connection.instanceUrl = instanceUrl;
        changeState(connection, ConnectionState.CONNECTED, null);
    }

    private static void changeState(SalesforceConnection connection, ConnectionState state, String detail) {
        if (connection.state != state || !java.util.Objects.equals(connection.stateDetail, detail)) {
            connection.state = state;
            connection.stateDetail = detail;
            connection.stateChangedAt = Instant.now();
        }
    }

    private Uni<Void> storeSecret(String tenantId, ConnectionChanges changes) {
        if (changes.newSecret() != null) {
            return secrets.store(tenantId, SecretName.CONSUMER_SECRET, changes.newSecret());
        }
        return changes.forgetSecret() ? secrets.forget(tenantId, SecretName.CONSUMER_SECRET).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    private Uni<ConnectionView> view(SalesforceConnection connection) {
        return secrets.hints(connection.tenantId)
                .map(hints -> toView(connection, hints.get(SecretName.CONSUMER_SECRET)));
    }

    private ConnectionView toView(SalesforceConnection c, SecretHint secret) {
        return new ConnectionView(c.tenantId, c.environment, c.consumerKey, secret != null,
                secret == null ? null : secret.last4(), c.autoSync, c.myDomainUrl, loginHosts.credentialSource(c),
                loginHosts.loginUrl(c), c.state, c.stateDetail, c.orgId, c.instanceUrl, c.createdAt, c.createdBy,
                c.updatedAt, c.updatedBy, null);
    }

    private static SalesforceConnection newConnection(String tenantId, String actor) {
        SalesforceConnection connection = new SalesforceConnection();
        connection.tenantId = tenantId;
        connection.createdAt = Instant.now();
        connection.createdBy = actor;
        return connection;
    }

    private static void requireKnown(String tenantId, List<ConnectionAudit> entries) {
        if (entries.isEmpty()) {
            throw notFound(tenantId);
        }
    }

    private static ProblemException notFound(String tenantId) {
        return ProblemException.notFound("Tenant " + tenantId + " has no Salesforce connection");
    }
}
