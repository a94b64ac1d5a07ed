package io.memberpulse.salesforce.salesforce;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fault tolerance per tenant: annotation-based guards share their state across all callers, so
 * one tenant's outage would open every tenant's breaker. Each tenant gets its own retry (backoff
 * with jitter, retryable outcomes only), circuit breaker (opened by outages, never by bad data or
 * bad credentials) and timeout.
 */
@ApplicationScoped
class TenantGuards {

    private static final TypeLiteral<Uni<JsonNode>> UNI_RESPONSE = new TypeLiteral<>() {
    };

    private final SalesforceConfig config;
    private final Map<String, TypedGuard<Uni<JsonNode>>> guards = new ConcurrentHashMap<>();

    TenantGuards(SalesforceConfig config) {
        this.config = config;
    }

    Uni<JsonNode> guard(String tenantId, Supplier<Uni<JsonNode>> call) {
        return guards.computeIfAbsent(tenantId, this::build).get(call);
    }

    /** The state of a tenant's breaker, for status pages. */
    CircuitBreakerState breakerState(String tenantId) {
        return guards.containsKey(tenantId) ? CircuitBreakerMaintenance.get().currentState(breakerName(tenantId))
                : CircuitBreakerState.CLOSED;
    }

    private TypedGuard<Uni<JsonNode>> build(String tenantId) {
        SalesforceConfig.Retry retry = config.retry();
        SalesforceConfig.Breaker breaker = config.breaker();
        return TypedGuard.create(UNI_RESPONSE)
                .withDescription("Salesforce calls of tenant " + tenantId)
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(5, ChronoUnit.MINUTES)
                    .retryOn(List.of(SalesforceException.Retryable.class, TimeoutException.class))
                    .withExponentialBackoff()
                        .factor(2)
                        .maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS)
                        .done()
                    .done()
                .withCircuitBreaker()
                    .name(breakerName(tenantId))
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .when(TenantGuards::isOutage)
                    .done()
                .withTimeout()
                    .duration(config.callTimeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    /** Only outages count against the breaker: bad data or bad credentials say nothing about availability. */
    private static boolean isOutage(Throwable failure) {
        return failure instanceof SalesforceException.Retryable || failure instanceof TimeoutException;
    }

    static String breakerName(String tenantId) {
        return "salesforce-tenant-" + tenantId;
    }
}
