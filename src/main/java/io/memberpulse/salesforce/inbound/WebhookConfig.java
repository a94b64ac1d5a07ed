package io.memberpulse.salesforce.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Delivery of inbound changes to MemberPulse core's webhook. */
@ConfigMapping(prefix = "memberpulse.webhook")
public interface WebhookConfig {

    /**
     * The URL deliveries are POSTed to ({@code MEMBERPULSE_WEBHOOK_URL}). Unset: deliveries wait in
     * the queue and {@code GET /status} says so; nothing is lost.
     */
    Optional<String> url();

    /**
     * The HMAC-SHA256 key of the {@code X-MemberPulse-Signature} header ({@code MEMBERPULSE_WEBHOOK_SECRET},
     * from a Kubernetes Secret). Unset: deliveries wait. Never logged.
     */
    Optional<String> secret();

    /**
     * Members whose deliveries are claimed per round; their chains are sent side by side (so this is
     * also the most requests in flight, bounded by the REST client's connection pool).
     */
    @WithDefault("200")
    int batchSize();

    /**
     * Deliveries of one member claimed together and sent one after another in a round, each only after
     * the previous one's 2xx. 1 sends only each member's oldest delivery per round.
     */
    @WithDefault("25")
    int chainLength();

    /**
     * Rounds one replica runs at once: a second round starts while one is sending only when the last
     * claim was full (more members may be waiting), so one slow member does not hold up the rest.
     */
    @WithDefault("2")
    int roundsInFlight();

    /**
     * The most one attempt may take, waiting for a pooled connection included; then it counts as not
     * acknowledged. A member's chain starts no delivery later than {@code claim-timeout} minus this after
     * its claim, so a claim never expires while its replica still sends: keep it well below the claim timeout.
     */
    @WithDefault("PT20S")
    Duration sendTimeout();

    /** Delay before the first retry of a delivery not acknowledged with a 2xx; doubles per attempt. */
    @WithDefault("PT1S")
    Duration retryDelay();

    /** Upper bound of the retry delay. */
    @WithDefault("PT5M")
    Duration maxRetryDelay();

    /** How long a claimed delivery may stay unanswered before any replica sends it again. */
    @WithDefault("PT1M")
    Duration claimTimeout();

    /** Poll for deliveries nobody was told about (retries coming due, a missed notification). */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How long acknowledged deliveries are kept (re-applying a change within it queues nothing). */
    @WithDefault("P7D")
    Duration retention();

    /** Whether this replica sends deliveries at all (off in tests that inspect the queue). */
    @WithDefault("true")
    boolean enabled();
}
