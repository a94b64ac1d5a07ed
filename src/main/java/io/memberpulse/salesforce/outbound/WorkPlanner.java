package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;

/**
 * A feature's part of planning: turns member events into outbox work through a {@link PlanSink}.
 * Implement as an {@code @ApplicationScoped} bean; every bean is asked for every planning batch.
 * See {@link OutboundOperation} for the whole contract.
 */
public interface WorkPlanner {

    /** Loads what the planner needs for the tenant (its settings), once per planning batch. */
    Uni<EventFolder> forTenant(String tenantId);

    /** Folds events into work; runs inside the planner's transaction, so it must not do I/O. */
    @FunctionalInterface
    interface EventFolder {
        void fold(PlannedEvent event, PlanSink sink);
    }
}
