package io.memberpulse.salesforce.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbound pipeline: member events -> planned Contact writes -> batched Salesforce calls. */
@ConfigMapping(prefix = "memberpulse.outbound")
public interface OutboundConfig {

    /**
     * Salesforce calls a tenant may have in flight at once, across all replicas. Batches in flight
     * together never share an Account (see {@code OutboxRepository#claim}).
     */
    @WithDefault("4")
    int callsInFlight();

    /** Records per sObject Collections call (Salesforce's maximum is 200). */
    @WithDefault("200")
    int batchSize();

    /** Member events planned per transaction. */
    @WithDefault("2000")
    int planBatchSize();

    /** How long claimed work may stay in flight before another replica takes it back. */
    @WithDefault("PT5M")
    Duration claimTimeout();

    /** How long a replica holds one of a tenant's call slots without renewing it. */
    @WithDefault("PT30S")
    Duration leaseDuration();

    /** Poll for work nobody was told about (missed notifications, retries coming due). */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Attempts of a record before it is marked failed. */
    @WithDefault("10")
    int maxAttempts();

    /** First retry delay of a record; doubles per attempt, with jitter. */
    @WithDefault("PT1S")
    Duration retryDelay();

    /** Longest retry delay of a record. */
    @WithDefault("PT5M")
    Duration maxRetryDelay();

    /** How long a tenant pauses after Salesforce answered REQUEST_LIMIT_EXCEEDED or its budget is spent. */
    @WithDefault("PT15M")
    Duration limitPause();

    /**
     * On shutdown, how long running loops may take to finish their current call and record it before
     * this replica returns its remaining claims to the queue. Keep it, plus {@code quarkus.shutdown.timeout},
     * below the pod's termination grace period (30 s by default in Kubernetes).
     */
    @WithDefault("PT20S")
    Duration shutdownGrace();

    /** Whether this replica runs the pipeline at all (tests of other features may switch it off). */
    @WithDefault("true")
    boolean enabled();
}
