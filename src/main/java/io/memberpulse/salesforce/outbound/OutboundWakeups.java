package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.notifications.NotificationListeners;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What wakes the pipeline: PostgreSQL notifications from the intake and the planner (LISTEN), so
 * new work starts at once, and a timer for what no notification announces (retries coming due,
 * notifications missed while disconnected, claims of a replica that died).
 */
@ApplicationScoped
class OutboundWakeups {

    private final OutboundDispatcher dispatcher;
    private final OutboxRepository outbox;
    private final OutboundConfig config;
    private final NotificationListeners listeners;
    private NotificationListeners.Listening listening;

    OutboundWakeups(OutboundDispatcher dispatcher, OutboxRepository outbox, OutboundConfig config,
            NotificationListeners listeners) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.config = config;
        this.listeners = listeners;
    }

    void listen(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        listening = listeners.listen(List.of(OutboundChannels.MEMBER_EVENTS, OutboundChannels.OUTBOX),
                dispatcher::wake, "finds work");
    }

    void close(@Observes ShutdownEvent event) {
        dispatcher.stop();
        if (listening != null) {
            listening.close();
        }
    }

    @Scheduled(every = "${memberpulse.outbound.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return reapExpiredClaims()
                .chain(outbox::tenantsWithWork)
                .invoke(tenants -> tenants.forEach(dispatcher::wake))
                .replaceWithVoid();
    }

    /** Work a dead replica had claimed goes back to the queue; upserts make resending it safe. */
    private Uni<Void> reapExpiredClaims() {
        return outbox.expiredClaims()
                .chain(this::requeue);
    }

    private Uni<Void> requeue(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("Returning %d expired claims to the queue", ids.size());
        return outbox.pool().withTransaction(connection -> outbox.requeue(connection, ids,
                Collections.nCopies(ids.size(), Instant.now()), Collections.nCopies(ids.size(), "CLAIM_EXPIRED"),
                Collections.nCopies(ids.size(), "The replica working this item stopped"), true));
    }
}
