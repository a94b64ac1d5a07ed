package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceTokens;
import io.memberpulse.salesforce.salesforce.StreamingClients;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** What every tenant's subscriber needs: the beans it calls and the reconnect timing. A singleton (no client proxy): its fields are read directly. */
@Singleton
class SubscriberParts {

    final CdcConfig config;
    final SubscriptionLease lease;
    final ReplayPositions positions;
    final StreamApplier applier;
    final CatchUp catchUp;
    final TenantCredentials credentials;
    final ConnectionService connections;
    final SalesforceClient salesforce;
    final SalesforceTokens tokens;
    final StreamingClients streaming;
    final CdcMetrics metrics;
    final OnVertx onVertx;

    SubscriberParts(CdcConfig config, SubscriptionLease lease, ReplayPositions positions, StreamApplier applier,
            CatchUp catchUp, TenantCredentials credentials, ConnectionService connections, SalesforceClient salesforce,
            SalesforceTokens tokens, StreamingClients streaming, CdcMetrics metrics, OnVertx onVertx) {
        this.config = config;
        this.lease = lease;
        this.positions = positions;
        this.applier = applier;
        this.catchUp = catchUp;
        this.credentials = credentials;
        this.connections = connections;
        this.salesforce = salesforce;
        this.tokens = tokens;
        this.streaming = streaming;
        this.metrics = metrics;
        this.onVertx = onVertx;
    }

    /** Exponential backoff with jitter: attempt 1 waits about the initial delay, then doubles up to the max. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(Math.max(attempt - 1, 0), 16);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Runs {@code task} after {@code delay} on a Vert.x event loop (never on a CometD thread). */
    void later(Duration delay, Runnable task) {
        onVertx.later(delay.toMillis(), task);
    }
}
