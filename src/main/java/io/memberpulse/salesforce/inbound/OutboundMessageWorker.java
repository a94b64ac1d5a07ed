package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.notifications.NotificationListeners;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link OutboundMessageProcessor} in this replica: woken by the NOTIFY of the endpoint's
 * insert, and by a short poll for what no notification announced (retries coming due, claims of a
 * replica that died, a NOTIFY missed while disconnected). One loop at a time per replica; a wake-up
 * during a loop runs it once more. The loop runs on its own duplicated Vert.x context.
 */
@ApplicationScoped
class OutboundMessageWorker {

    private final OutboundMessageProcessor processor;
    private final OutboundMessageConfig config;
    private final Vertx vertx;
    private final NotificationListeners listeners;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private NotificationListeners.Listening listening;

    OutboundMessageWorker(OutboundMessageProcessor processor, OutboundMessageConfig config,
            Vertx vertx, NotificationListeners listeners) {
        this.processor = processor;
        this.config = config;
        this.vertx = vertx;
        this.listeners = listeners;
    }

    void listen(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        listening = listeners.listen(List.of(OutboundMessageRepository.CHANNEL), tenantId -> wake(),
                "finds notifications");
    }

    void close(@Observes ShutdownEvent event) {
        stopped = true;
        if (listening != null) {
            listening.close();
        }
    }

    @Scheduled(every = "${memberpulse.outbound-messages.poll-interval:PT2S}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts the loop, or asks the running one to go round once more. */
    void wake() {
        if (!config.workerEnabled() || stopped) {
            return;
        }
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> loop()
                .subscribe().with(done -> finished(), this::failed));
    }

    private Uni<Void> loop() {
        return processor.processBatch()
                .chain(more -> more && !stopped ? loop() : Uni.createFrom().voidItem());
    }

    private void failed(Throwable failure) {
        Log.warnf(failure, "Outbound Message worker failed; claims expire and are retried");
        running.set(false);
    }

    private void finished() {
        running.set(false);
        // A wake-up that came while the loop was ending would otherwise be lost.
        if (again.get()) {
            wake();
        }
    }
}
