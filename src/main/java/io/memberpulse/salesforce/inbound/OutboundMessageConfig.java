package io.memberpulse.salesforce.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Salesforce Outbound Message endpoint and the worker that applies its notifications. */
@ConfigMapping(prefix = "memberpulse.outbound-messages")
public interface OutboundMessageConfig {

    /**
     * Largest SOAP body accepted, in bytes; larger ones get a SOAP fault. 100 notifications of a
     * Contact with every field selected stay well below 1 MiB. Keep it under
     * {@code quarkus.http.limits.max-body-size} (2M), above which Quarkus answers a bare 413.
     */
    @WithDefault("1048576")
    int maxBodySize();

    /**
     * Public base URL of this service as Salesforce reaches it (e.g. {@code https://sf.memberpulse.io}),
     * used to build {@code outboundMessageUrl}. Unset: the base URL of the admin's own request.
     */
    Optional<String> publicUrl();

    /** Whether this replica applies stored notifications (off for replicas that only receive). */
    @WithDefault("true")
    boolean workerEnabled();

    /** Poll for notifications nobody was told about (missed NOTIFY, retries coming due). */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Notifications claimed at once; records of one tenant and type are read in one SOQL query. */
    @WithDefault("100")
    int batchSize();

    /** How long a claim holds before another replica may take the notifications back. */
    @WithDefault("PT5M")
    Duration claimTimeout();

    /** First retry delay after a retryable Salesforce error; doubles per attempt. */
    @WithDefault("PT5S")
    Duration retryDelay();

    /** Longest retry delay. */
    @WithDefault("PT10M")
    Duration maxRetryDelay();

    /**
     * Attempts (retryable Salesforce failures) before a notification is failed and written to the
     * sync log; with the default delays about two hours, well inside Salesforce's own 24 hours.
     */
    @WithDefault("20")
    int maxAttempts();

    /** How often a tenant that cannot sync now (reconnect needed, auto-sync off, paused) is looked at again. */
    @WithDefault("PT1M")
    Duration blockedRecheck();
}
