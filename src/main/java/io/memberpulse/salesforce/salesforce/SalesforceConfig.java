package io.memberpulse.salesforce.salesforce;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service talks to Salesforce. */
@ConfigMapping(prefix = "memberpulse.salesforce")
public interface SalesforceConfig {

    /**
     * The {@code client=} name sent in {@code Sforce-Call-Options} on every call
     * ({@code MEMBERPULSE_SALESFORCE_CLIENT_NAME}). Salesforce copies it into the {@code changeOrigin} of
     * the change events our own writes cause, which is how the inbound sync recognises and drops them.
     */
    @WithDefault("memberpulse")
    String clientName();

    /** REST API version, e.g. {@code 62.0}. */
    @WithDefault("62.0")
    String apiVersion();

    /**
     * How long an access token is used before a new one is fetched. Salesforce sends no
     * {@code expires_in}; sessions die after the org's idle timeout (2 h by default), so stay below it.
     */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** Time limit of one Salesforce call. */
    @WithDefault("PT30S")
    Duration callTimeout();

    /**
     * Base URL of the local Salesforce emulator, when one stands in for Salesforce (dev mode, tests).
     * Never set in production.
     */
    java.util.Optional<String> emulatorUrl();

    /** Retries of retryable outcomes (lock contention, 5xx, timeouts). */
    Retry retry();

    /** The per-tenant circuit breaker. */
    Breaker breaker();

    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("4")
        int maxRetries();

        /** First backoff delay; doubles per retry. */
        @WithDefault("PT0.25S")
        Duration initialDelay();

        /** Upper bound of one backoff delay. */
        @WithDefault("PT10S")
        Duration maxDelay();

        /** Random spread added to or taken from each delay, so tenants do not retry in lockstep. */
        @WithDefault("PT0.1S")
        Duration jitter();
    }

    interface Breaker {
        /** Calls in the rolling window before the breaker may open. */
        @WithDefault("20")
        int requestVolume();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before trying again. */
        @WithDefault("PT30S")
        Duration delay();
    }
}
