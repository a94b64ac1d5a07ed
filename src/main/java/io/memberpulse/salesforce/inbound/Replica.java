package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscriptions one replica holds. Each tick it renews its leases, takes the leases of streaming
 * tenants nobody holds (or whose holder died), starts their subscribers, stops subscribers whose
 * tenant stopped streaming or whose lease another replica took, and restarts silent ones.
 */
final class Replica {

    private final String holder;
    private final SubscriberParts parts;
    private final Map<String, CdcSubscriber> held = new ConcurrentHashMap<>();
    private volatile boolean dead;

    Replica(String holder, SubscriberParts parts) {
        this.holder = holder;
        this.parts = parts;
    }

    String holder() {
        return holder;
    }

    Set<String> tenants() {
        return Set.copyOf(held.keySet());
    }

    Uni<Void> tick() {
        if (dead) {
            return Uni.createFrom().voidItem();
        }
        return parts.lease.streamingTenants()
                .call(this::stopTenantsNoLongerStreaming)
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(this::holdOrLet)
                .collect().last()
                .invoke(this::watchSilence)
                .replaceWithVoid();
    }

    private Uni<Void> holdOrLet(String tenantId) {
        CdcSubscriber running = held.get(tenantId);
        return parts.lease.hold(tenantId, holder, parts.config.leaseDuration(),
                running == null ? null : running.contactsLiveSince())
                .invoke(got -> heldOrNot(tenantId, got))
                .replaceWithVoid();
    }

    private void heldOrNot(String tenantId, boolean got) {
        if (got) {
            ensureStarted(tenantId);
        } else {
            ensureStopped(tenantId, "lease held elsewhere");
        }
    }

    private void ensureStarted(String tenantId) {
        if (dead || held.containsKey(tenantId)) {
            return;
        }
        CdcSubscriber subscriber = new CdcSubscriber(tenantId, holder, parts, this::forget);
        held.put(tenantId, subscriber);
        Log.infof("Tenant %s: this replica (%s) holds the CDC subscription", tenantId, holder);
        // Its own duplicated context: the subscriber's database sessions are not the tick's.
        parts.onVertx.run(subscriber::start, failure -> startFailed(subscriber, failure), () -> { });
    }

    /**
     * A subscriber that lost the lease stopped itself: forget it, and only it. It may say so more than
     * once (its drain and a catch-up both find the lease gone), after this replica took the lease
     * back and started a new subscriber; removing that one by tenant alone left it running unseen
     * beside the next (CdcFaultTest: two subscribers of one replica applying the same stream).
     */
    private void forget(CdcSubscriber subscriber) {
        held.remove(subscriber.tenantId(), subscriber);
    }

    private void startFailed(CdcSubscriber subscriber, Throwable failure) {
        Log.warnf("Tenant %s: starting the CDC subscription failed: %s", subscriber.tenantId(), failure.getMessage());
        subscriber.restart("start-failed");
    }

    private void ensureStopped(String tenantId, String why) {
        CdcSubscriber subscriber = held.remove(tenantId);
        if (subscriber != null) {
            Log.infof("Tenant %s: CDC subscription stopped on %s (%s)", tenantId, holder, why);
            subscriber.stop();
        }
    }

    private Uni<Void> stopTenantsNoLongerStreaming(List<String> streaming) {
        Set<String> gone = new HashSet<>(held.keySet());
        gone.removeAll(streaming);
        return Multi.createFrom().iterable(gone)
                .invoke(tenantId -> ensureStopped(tenantId, "auto-sync off or not connected"))
                .onItem().transformToUniAndConcatenate(tenantId -> parts.lease.release(tenantId, holder))
                .collect().last()
                .replaceWithVoid();
    }

    private void watchSilence() {
        Instant now = Instant.now();
        held.values().forEach(subscriber -> subscriber.watch(now));
    }

    /** Shutdown, or a test killing a replica politely: disconnects and gives the leases back. */
    Uni<Void> stopAll() {
        Set<String> tenants = tenants();
        tenants.forEach(tenantId -> ensureStopped(tenantId, "replica stopping"));
        return Multi.createFrom().iterable(tenants)
                .onItem().transformToUniAndConcatenate(tenantId -> parts.lease.release(tenantId, holder))
                .collect().last()
                .replaceWithVoid();
    }

    /** A crash: the subscriptions end without releasing their leases (tests). */
    void abandon() {
        dead = true;
        Set<String> tenants = tenants();
        tenants.forEach(tenantId -> ensureStopped(tenantId, "replica died"));
    }

    boolean isDead() {
        return dead;
    }

    boolean isIdle() {
        return held.values().stream().allMatch(CdcSubscriber::isIdle);
    }
}
