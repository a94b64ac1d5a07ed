package io.memberpulse.salesforce.status;

import io.memberpulse.salesforce.inbound.InboundStatusService;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.outbound.OutboxService;
import io.memberpulse.salesforce.outbound.OutboxStats;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.salesforce.ApiUsage;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.ConnectionState;
import io.memberpulse.salesforce.tenant.SalesforceConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts a tenant's status together from the connection, the outbox figures, the last reported API
 * usage and the circuit breaker. Costs a few queries and no Salesforce call.
 */
@ApplicationScoped
public class StatusService {

    private final ConnectionService connections;
    private final OutboxService outbox;
    private final MappingService mappings;
    private final ApiUsage usage;
    private final SalesforceClient salesforce;
    private final InboundStatusService inbound;

    StatusService(ConnectionService connections, OutboxService outbox, MappingService mappings, ApiUsage usage,
            SalesforceClient salesforce, InboundStatusService inbound) {
        this.inbound = inbound;
        this.connections = connections;
        this.outbox = outbox;
        this.mappings = mappings;
        this.usage = usage;
        this.salesforce = salesforce;
    }

    /** The connection part of the status, and whether the tenant has a connection at all. */
    private record Parts(StatusView.Connection connection, boolean connectionExists) {
    }

    /** The tenant's status; a 404 problem for a tenant with neither a connection nor any event or history. */
    public Uni<StatusView> status(String tenantId) {
        return connections.find(tenantId)
                .map(connection -> connectionPart(tenantId, connection))
                .chain(parts -> withPipeline(tenantId, parts));
    }

    private Uni<StatusView> withPipeline(String tenantId, Parts parts) {
        return outbox.stats(tenantId)
                .invoke(stats -> requireKnown(tenantId, parts, stats))
                .chain(stats -> withApiUsage(tenantId, parts, stats));
    }

    private Uni<StatusView> withApiUsage(String tenantId, Parts parts, OutboxStats stats) {
        return mappings.contactMapping(tenantId)
                .map(mapping -> apiUsage(usage.of(tenantId), mapping.apiBudgetShare()))
                .chain(apiUsage -> inbound.status(tenantId)
                        .map(inboundStatus -> new StatusView(parts.connection(), pipeline(stats), apiUsage,
                                StatusSummary.of(parts.connection(), parts.connectionExists(), stats, Instant.now()),
                                inboundStatus)));
    }

    private Parts connectionPart(String tenantId, SalesforceConnection c) {
        String breaker = salesforce.breakerState(tenantId).name();
        if (c == null) {
            return new Parts(new StatusView.Connection(ConnectionState.NOT_CONNECTED,
                    "No Salesforce connection is set up", null, false, null, breaker), false);
        }
        return new Parts(new StatusView.Connection(c.state, c.stateDetail, c.orgId, c.autoSync, c.pausedUntil,
                breaker), true);
    }

    private static StatusView.Pipeline pipeline(OutboxStats s) {
        return new StatusView.Pipeline(s.unplannedEvents(), s.pending(), s.pendingBackfill(), s.inFlight(),
                s.failed(), s.lastSuccessAt(), s.oldestPendingAgeSeconds());
    }

    private static StatusView.ApiUsage apiUsage(Optional<ApiUsage.Figure> figure, double share) {
        if (figure.isEmpty() || figure.get().max() == 0) {
            return new StatusView.ApiUsage(figure.map(ApiUsage.Figure::used).orElse(null),
                    figure.map(ApiUsage.Figure::max).orElse(null), share, null);
        }
        double budgetUsed = Math.round(figure.get().share() / share * 1000) / 1000.0;
        return new StatusView.ApiUsage(figure.get().used(), figure.get().max(), share, budgetUsed);
    }

    private static void requireKnown(String tenantId, Parts parts, OutboxStats stats) {
        if (!parts.connectionExists() && !stats.known()) {
            throw ProblemException.notFound("Tenant " + tenantId + " has no Salesforce connection and sent no "
                    + "member events");
        }
    }
}
