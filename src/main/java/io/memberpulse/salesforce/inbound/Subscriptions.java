package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This replica's CometD subscriptions: started on application start (without holding up
 * readiness), on every tick (auto-sync switched on, a tenant reconnected, a dead replica's lease
 * expired), and on {@code POST /internal/wake-up}; stopped and released on shutdown.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final CdcConfig config;
    private final SubscriberParts parts;
    private final OnVertx onVertx;
    private volatile Replica replica;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean halted;

    Subscriptions(CdcConfig config, SubscriberParts parts) {
        this.config = config;
        this.parts = parts;
        this.replica = newReplica(parts);
        this.onVertx = parts.onVertx;
    }

    private static Replica newReplica(SubscriberParts parts) {
        return new Replica("cdc-" + UUID.randomUUID(), parts);
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof("CDC subscriptions %s on replica %s", config.enabled() ? "enabled" : "disabled", replica.holder());
        wake();
    }

    /** Looks for tenants to subscribe now instead of at the next tick; returns at once. */
    public void wake() {
        if (!config.enabled()) {
            return;
        }
        onVertx.run(this::tickOnce, failure -> Log.warnf("CDC subscriptions: %s", failure.getMessage()), () -> { });
    }

    @Scheduled(every = "${memberpulse.inbound.cdc.tick:PT5S}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return config.enabled() ? tickOnce() : Uni.createFrom().voidItem();
    }

    private Uni<Void> tickOnce() {
        if (halted || !ticking.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return replica.tick()
                .onFailure().invoke(failure -> Log.warnf(failure, "CDC subscriptions: tick failed"))
                .eventually(() -> ticking.set(false));
    }

    Replica replica() {
        return replica;
    }

    /**
     * Stops this replica's subscriptions and its ticks: politely (disconnect, leases released) or as
     * a crash would (leases left to expire, for tests of the takeover).
     */
    Uni<Void> halt(boolean releaseLeases) {
        halted = true;
        if (releaseLeases) {
            return replica.stopAll();
        }
        replica.abandon();
        return Uni.createFrom().voidItem();
    }

    /** Ticks again after {@link #halt} (tests); after a crash, as a new replica (a restarted process). */
    void resume() {
        if (replica.isDead()) {
            replica = newReplica(parts);
        }
        halted = false;
    }

    // Before the pool closes, like the outbound pipeline's drain.
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        halt(true).await().atMost(SHUTDOWN_WAIT);
        Log.infof("CDC subscriptions of %s stopped and their leases released", replica.holder());
    }
}
