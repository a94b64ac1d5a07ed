package io.memberpulse.salesforce.outbound;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * SIGTERM: take no new work, let running loops finish their current call and record it (at most
 * {@code memberpulse.outbound.shutdown-grace}), then drop this replica's leases and return the items
 * it still holds to the queue, so another replica (or the next pod) takes them over at once instead
 * of after the claim timeout. Runs on the shutdown thread, which may block.
 */
@ApplicationScoped
class GracefulShutdown {

    private static final Duration DATABASE_WAIT = Duration.ofSeconds(5);

    private final OutboundDispatcher dispatcher;
    private final InFlightClaims claims;
    private final OutboxRepository outbox;
    private final OutboundConfig config;

    GracefulShutdown(OutboundDispatcher dispatcher, InFlightClaims claims, OutboxRepository outbox,
            OutboundConfig config) {
        this.dispatcher = dispatcher;
        this.claims = claims;
        this.outbox = outbox;
        this.config = config;
    }

    /** With {@code quarkus.shutdown.delay-enabled}, the pod stops taking work as soon as the delay begins. */
    void stopTakingWork(@Observes ShutdownDelayInitiatedEvent event) {
        dispatcher.stop();
    }

    // Before the other shutdown observers (the LISTEN connection, the scheduler), while the pool is open.
    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        dispatcher.stop();
        boolean idle = awaitIdle(Instant.now().plus(config.shutdownGrace()));
        List<Long> held = claims.ids();
        int leases = outbox.releaseAll(dispatcher.holder())
                .call(() -> requeue(held))
                .await().atMost(DATABASE_WAIT);
        Log.infof("Outbound pipeline stopped (%s): %d claimed items returned to the queue, %d leases released",
                idle ? "loops finished" : "grace period over", held.size(), leases);
    }

    private boolean awaitIdle(Instant deadline) {
        while (!dispatcher.isIdle() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return dispatcher.isIdle();
    }

    /** Not counted as an attempt: the item did nothing wrong. */
    private Uni<Void> requeue(List<Long> ids) {
        int n = ids.size();
        return outbox.pool().withTransaction(connection -> outbox.requeue(connection, ids,
                Collections.nCopies(n, Instant.now()), Collections.nCopies(n, "REPLICA_STOPPED"),
                Collections.nCopies(n, "Returned to the queue when its replica shut down"), false));
    }
}
