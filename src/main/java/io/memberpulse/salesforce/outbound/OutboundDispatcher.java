package io.memberpulse.salesforce.outbound;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the pipeline's loops in this replica: one planning loop per tenant and one loop per call
 * slot of a tenant, each started when woken and ended when its work runs dry. A wake-up during a running loop
 * is remembered and runs it once more, so no notification is lost. Loops run on their own Vert.x
 * duplicated context, which Hibernate Reactive needs.
 */
@ApplicationScoped
public class OutboundDispatcher {

    /** Identifies this replica in leases. */
    final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final EventPlanner planner;
    private final SlotWorker worker;
    private final OutboundConfig config;
    private final Vertx vertx;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    OutboundDispatcher(EventPlanner planner, SlotWorker worker, OutboundConfig config, Vertx vertx) {
        this.planner = planner;
        this.worker = worker;
        this.config = config;
        this.vertx = vertx;
    }

    /** Something changed for the tenant: plan its events, then work its queue. */
    public void wake(String tenantId) {
        if (config.enabled() && !stopped) {
            start("plan:" + tenantId, () -> planAll(tenantId).invoke(() -> startSlots(tenantId)));
        }
    }

    /** This replica's name in leases (a method: fields of a CDI proxy are not the bean's). */
    String holder() {
        return holder;
    }

    /** Takes no new work from now on (shutdown). */
    void stop() {
        stopped = true;
    }

    boolean isIdle() {
        return running.isEmpty();
    }

    private void startSlots(String tenantId) {
        for (int slot = 0; slot < config.callsInFlight(); slot++) {
            int chosen = slot;
            start("slot:" + tenantId + ":" + slot, () -> workSlot(tenantId, chosen));
        }
    }

    private Uni<Void> planAll(String tenantId) {
        return planner.planBatch(tenantId)
                .chain(planned -> planned >= planner.batchSize() && !stopped ? planAll(tenantId)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> workSlot(String tenantId, int slot) {
        return worker.turn(tenantId, slot, holder)
                .chain(more -> more && !stopped ? workSlot(tenantId, slot)
                        : worker.release(tenantId, slot, holder));
    }

    private void start(String key, Supplier<Uni<Void>> loop) {
        if (stopped) {
            return; // a planning round that ends during shutdown starts no call slots
        }
        if (!running.add(key)) {
            again.add(key);
            // The loop may have finished between the two lines above: then nobody would see "again".
            if (!running.add(key)) {
                return;
            }
            again.remove(key);
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> loop.get()
                .subscribe().with(done -> finished(key, loop), failure -> failed(key, loop, failure)));
    }

    private void failed(String key, Supplier<Uni<Void>> loop, Throwable failure) {
        Log.warnf(failure, "Outbound loop %s failed; it resumes on the next wake-up", key);
        running.remove(key);
        again.remove(key);
    }

    private void finished(String key, Supplier<Uni<Void>> loop) {
        running.remove(key);
        if (again.remove(key) && !stopped) {
            start(key, loop);
        }
    }
}
