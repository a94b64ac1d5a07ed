package io.memberpulse.salesforce.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The CometD subscriber: Change Data Capture and platform events of each tenant with auto-sync on. */
@ConfigMapping(prefix = "memberpulse.inbound.cdc")
public interface CdcConfig {

    /** Whether this replica subscribes at all (tests switch it off outside their own profile). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a replica holds a tenant's subscription without renewing it. A dead holder is replaced
     * at most this plus {@link #tick()} later (20 s + 5 s: within the 30 s the design promises).
     */
    @WithDefault("PT20S")
    Duration leaseDuration();

    /** How often leases are renewed, new tenants picked up and silent subscriptions checked. */
    @WithDefault("PT5S")
    Duration tick();

    /** Events applied (and their replay id stored) per transaction at most. */
    @WithDefault("500")
    int batchSize();

    /**
     * A subscription that hears nothing (no event, no connect reply) this long is restarted.
     * Salesforce answers a held connect after 110 s at the latest.
     */
    @WithDefault("PT150S")
    Duration silenceTimeout();

    /** First wait before reconnecting after a failure; doubles up to {@link #maxBackoff()}, with jitter. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /** Longest wait between reconnect attempts. */
    @WithDefault("PT60S")
    Duration maxBackoff();
}
