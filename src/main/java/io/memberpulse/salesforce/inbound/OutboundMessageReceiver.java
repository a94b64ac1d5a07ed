package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.security.TenantAccessFilter;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.SalesforceConnection;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Accepts an Outbound Message for a tenant, or refuses it whole. The cheap checks and the secret
 * come before the XML is parsed, so an unauthenticated caller never reaches the parser; the org
 * check and the durable store come after. Every refusal is an {@link OutboundMessageRejected}.
 */
@ApplicationScoped
class OutboundMessageReceiver {

    private final ConnectionService connections;
    private final OutboundMessageSecrets secrets;
    private final OutboundMessageRepository repository;
    private final OutboundMessageConfig config;
    private final Vertx vertx;

    OutboundMessageReceiver(ConnectionService connections, OutboundMessageSecrets secrets,
            OutboundMessageRepository repository, OutboundMessageConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.connections = connections;
        this.secrets = secrets;
        this.repository = repository;
        this.config = config;
    }

    /** What a message did: its notifications, and how many of them were not stored before. */
    record Received(int notifications, int stored) {
    }

    Uni<Received> receive(String tenantId, String secret, String contentType, byte[] body) {
        return Uni.createFrom().voidItem()
                .invoke(() -> checkRequest(tenantId, secret, contentType, body))
                .chain(() -> connections.find(tenantId))
                .call(connection -> authenticate(tenantId, connection, secret))
                .chain(connection -> parseFrom(connection, body))
                .chain(message -> store(tenantId, message));
    }

    private void checkRequest(String tenantId, String secret, String contentType, byte[] body) {
        if (!TenantAccessFilter.TENANT_ID.matcher(tenantId).matches()) {
            throw new OutboundMessageRejected("Unknown tenant: the tenant id in the endpoint URL is malformed");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("text/xml")) {
            throw new OutboundMessageRejected("Content-Type must be text/xml (a SOAP 1.1 Outbound Message)");
        }
        if (body.length > config.maxBodySize()) {
            throw new OutboundMessageRejected("The body is larger than this endpoint accepts ("
                    + config.maxBodySize() + " bytes)");
        }
        if (secret == null || secret.isBlank()) {
            throw new OutboundMessageRejected("The endpoint URL lacks its secret: copy the Outbound Message URL "
                    + "shown in the MemberPulse Salesforce connection settings");
        }
    }

    private Uni<Void> authenticate(String tenantId, SalesforceConnection connection, String secret) {
        // A tenant without a connection gets the same fault as a wrong secret, so the endpoint does not
        // tell a caller without the secret which tenant ids exist.
        if (connection == null) {
            return Uni.createFrom().failure(secretMismatch(tenantId));
        }
        return secrets.matches(tenantId, secret)
                .invoke(matches -> requireMatch(tenantId, matches))
                .replaceWithVoid();
    }

    private static void requireMatch(String tenantId, boolean matches) {
        if (!matches) {
            throw secretMismatch(tenantId);
        }
    }

    private static OutboundMessageRejected secretMismatch(String tenantId) {
        return new OutboundMessageRejected("The endpoint secret does not match tenant " + tenantId
                + ": copy the current Outbound Message URL from the MemberPulse connection settings");
    }

    private Uni<OutboundMessage> parseFrom(SalesforceConnection connection, byte[] body) {
        return parseOnWorker(body)
                .invoke(message -> requireOrg(connection, message))
                .map(message -> new OutboundMessage(connection.orgId, message.actionId(), message.notifications()));
    }

    /**
     * DOM parsing blocks, so it runs on a Vert.x worker thread; Vert.x completes the result back on
     * this request's context, where the store's Hibernate Reactive session lives.
     */
    private Uni<OutboundMessage> parseOnWorker(byte[] body) {
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom().completionStage(() -> context
                .<OutboundMessage>executeBlocking(() -> OutboundMessageParser.parse(body), false)
                .toCompletionStage());
    }

    private static void requireOrg(SalesforceConnection connection, OutboundMessage message) {
        if (connection.orgId == null) {
            throw new OutboundMessageRejected("Tenant " + connection.tenantId
                    + " is not connected to a Salesforce org yet: connect it first");
        }
        if (!SalesforceOrgIds.same(connection.orgId, message.organizationId())) {
            throw new OutboundMessageRejected("OrganizationId " + message.organizationId()
                    + " is not the org tenant " + connection.tenantId + " is connected to");
        }
    }

    private Uni<Received> store(String tenantId, OutboundMessage message) {
        return repository.store(tenantId, message)
                .map(stored -> new Received(message.notifications().size(), stored))
                .invoke(received -> Log.infof("Tenant %s: Outbound Message with %d notifications, %d new",
                        tenantId, received.notifications(), received.stored()));
    }
}
