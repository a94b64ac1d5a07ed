package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/**
 * Wakes the pipeline on demand (the wake-up call of a scaled-to-zero service): what is waiting, and
 * a wake-up of the tenants it belongs to, as the poll timer would do on its next tick.
 */
@ApplicationScoped
public class PipelineWakeUp {

    private final OutboxStatsRepository stats;
    private final OutboundDispatcher dispatcher;

    PipelineWakeUp(OutboxStatsRepository stats, OutboundDispatcher dispatcher) {
        this.stats = stats;
        this.dispatcher = dispatcher;
    }

    /** Writes waiting per tenant: unplanned member events plus pending outbox items (due or not). */
    public Uni<Map<String, Long>> waitingByTenant() {
        return stats.waitingByTenant();
    }

    /** Plans and works these tenants' queues now; a tenant that may not sync stops at its gate. */
    public void wake(Collection<String> tenantIds) {
        tenantIds.forEach(dispatcher::wake);
    }
}
