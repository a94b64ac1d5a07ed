package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When reconciliations run: on the schedule ({@code memberpulse.inbound.reconciliation-interval}) while
 * a pod is up, and on every wake-up, in the background so the wake-up answers at once. One pass at a
 * time per replica; tenant leases keep replicas from reconciling one tenant together.
 */
@ApplicationScoped
public class ReconciliationRunner {

    private final ReconciliationService reconciliations;
    private final InboundConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();

    ReconciliationRunner(ReconciliationService reconciliations, InboundConfig config, Vertx vertx) {
        this.reconciliations = reconciliations;
        this.config = config;
        this.vertx = vertx;
    }

    @Scheduled(every = "${memberpulse.inbound.reconciliation-interval:PT15M}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.reconciliationEnabled() || !running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return pass();
    }

    /**
     * Starts a pass over every tenant with auto-sync on, on a fresh Vert.x context of its own (the
     * caller's request ends before it does). Answers false when a pass is already running here.
     */
    public boolean startAll() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // A context of its own, marked safe for Hibernate Reactive (its sessions live in the context).
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> pass()
                .subscribe().with(done -> Log.debug("Wake-up reconciliation finished"),
                        failure -> Log.warnf("Wake-up reconciliation failed: %s", failure.toString())));
        return true;
    }

    private Uni<Void> pass() {
        return reconciliations.reconcileAll()
                .invoke(count -> Log.debugf("Reconciled %d tenants", count))
                .replaceWithVoid()
                .eventually(() -> running.set(false));
    }
}
