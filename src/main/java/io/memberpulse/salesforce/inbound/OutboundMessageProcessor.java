package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.ConnectionState;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies stored notifications: claims a batch, reads the named records' current values from the
 * tenant's org (outside any transaction), then applies them through {@link InboundApplier} in one
 * transaction that also marks the notifications done. Salesforce's failures decide what happens to
 * the claim: retried with backoff, held until an admin reconnects, or failed for good.
 */
@ApplicationScoped
class OutboundMessageProcessor {

    private final OutboundMessageClaims claims;
    private final OutboundMessageRecords records;
    private final OutboundMessageApplying applying;
    private final ConnectionService connections;
    private final TenantCredentials credentials;
    private final MappingService mappings;
    private final OutboundMessageConfig config;

    OutboundMessageProcessor(OutboundMessageClaims claims, OutboundMessageRecords records,
            OutboundMessageApplying applying, ConnectionService connections, TenantCredentials credentials,
            MappingService mappings, OutboundMessageConfig config) {
        this.claims = claims;
        this.records = records;
        this.applying = applying;
        this.connections = connections;
        this.credentials = credentials;
        this.mappings = mappings;
        this.config = config;
    }

    /** One tenant's claimed notifications, with what is needed to read their records. */
    record TenantWork(String tenantId, List<ClaimedNotification> batch, OrgCredentials org, ContactMapping mapping) {
    }

    /** Claims and works one batch; true when there was any (the worker then asks again). */
    Uni<Boolean> processBatch() {
        return claims.claim(config.batchSize(), config.claimTimeout())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(false)
                        : processAll(claimed).replaceWith(true));
    }

    private Uni<Void> processAll(List<ClaimedNotification> claimed) {
        Map<String, List<ClaimedNotification>> byTenant = claimed.stream()
                .collect(Collectors.groupingBy(ClaimedNotification::tenantId, LinkedHashMap::new,
                        Collectors.toList()));
        return Multi.createFrom().iterable(byTenant.values())
                .onItem().transformToUniAndConcatenate(this::processTenant)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> processTenant(List<ClaimedNotification> batch) {
        String tenantId = batch.get(0).tenantId();
        return connections.syncGate(tenantId)
                .chain(gate -> gate.open(Instant.now()) ? readAndApply(tenantId, batch) : held(batch, gate));
    }

    private Uni<Void> readAndApply(String tenantId, List<ClaimedNotification> batch) {
        return credentials.of(tenantId)
                .chain(org -> withMapping(tenantId, batch, org))
                .chain(this::readAll)
                .chain(found -> applying.apply(found.work(), found.records()))
                .onFailure(SalesforceException.class)
                .recoverWithUni(failure -> afterFailure(batch, (SalesforceException) failure))
                .onFailure(ProblemException.class)
                .recoverWithUni(failure -> waitFor(batch, failure.getMessage()));
    }

    private Uni<TenantWork> withMapping(String tenantId, List<ClaimedNotification> batch, OrgCredentials org) {
        return mappings.contactMapping(tenantId)
                .map(mapping -> new TenantWork(tenantId, batch, org, mapping));
    }

    /** The records found, by 15-character id. */
    record Found(TenantWork work, Map<String, JsonNode> records) {
    }

    private Uni<Found> readAll(TenantWork work) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (ClaimedNotification notification : work.batch()) {
            idsByType.computeIfAbsent(notification.objectType(), type -> new LinkedHashSet<>())
                    .add(notification.recordId());
        }
        return Multi.createFrom().iterable(idsByType.entrySet())
                .onItem().transformToUniAndConcatenate(ids -> records.read(work.org(), work.mapping(), ids.getKey(),
                        List.copyOf(ids.getValue())))
                .collect().in(HashMap<String, JsonNode>::new, Map::putAll)
                .map(found -> new Found(work, found));
    }

    private Uni<Void> held(List<ClaimedNotification> batch, ConnectionService.SyncGate gate) {
        if (!gate.connectionExists()) {
            return claims.fail(ids(batch), "NO_CONNECTION", "The tenant's Salesforce connection was deleted",
                    "Reconnect the tenant, then have Salesforce resend the Outbound Messages")
                    .invoke(() -> Log.infof("Tenant %s: %d Outbound Message notifications dropped: no connection",
                            batch.get(0).tenantId(), batch.size()));
        }
        String reason = !gate.autoSync() ? "Auto-sync is off"
                : gate.state() == ConnectionState.RECONNECT_NEEDED
                        ? "Salesforce rejected the credentials: waiting for an admin to reconnect"
                        : "Salesforce calls are paused until " + gate.pausedUntil();
        return waitFor(batch, reason);
    }

    private Uni<Void> afterFailure(List<ClaimedNotification> batch, SalesforceException failure) {
        String tenantId = batch.get(0).tenantId();
        String detail = failure.errorCode() + ": " + failure.getMessage();
        Log.warnf("Tenant %s: reading %d Outbound Message records failed: %s", tenantId, batch.size(), detail);
        if (failure instanceof SalesforceException.CredentialsRejected) {
            return connections.markReconnectNeeded(tenantId, failure.adminHint())
                    .chain(() -> waitFor(batch, "Salesforce rejected the credentials: waiting for an admin to "
                            + "reconnect"));
        }
        if (failure instanceof SalesforceException.LimitExceeded) {
            return waitFor(batch, detail);
        }
        int attempts = batch.stream().mapToInt(ClaimedNotification::attempts).max().orElse(1);
        if (failure instanceof SalesforceException.Permanent || attempts >= config.maxAttempts()) {
            return claims.fail(ids(batch), failure.errorCode(), "Reading the records of Outbound Message "
                    + "notifications failed after " + attempts + " attempts: " + failure.getMessage(),
                    failure.adminHint());
        }
        return claims.retryLater(ids(batch), backoff(attempts), failure.errorCode(), failure.getMessage(), true);
    }

    /** The tenant cannot sync now: the claim goes back, uncounted, to be looked at again later. */
    private Uni<Void> waitFor(List<ClaimedNotification> batch, String reason) {
        return claims.retryLater(ids(batch), config.blockedRecheck(), "WAITING", reason, false);
    }

    private Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = config.retryDelay().multipliedBy(factor);
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }

    static List<Long> ids(List<ClaimedNotification> batch) {
        return batch.stream().map(ClaimedNotification::id).collect(Collectors.toList());
    }
}
