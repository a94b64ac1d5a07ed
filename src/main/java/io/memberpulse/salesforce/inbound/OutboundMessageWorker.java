package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final String url;
    private final String user;
    private final String password;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private PgSubscriber subscriber;

    OutboundMessageWorker(OutboundMessageProcessor processor, OutboundMessageConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.processor = processor;
        this.config = config;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    void listen(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(OutboundMessageRepository.CHANNEL).handler(tenantId -> wake());
        subscriber.connect()
                .subscribe().with(connected -> Log.debug("Listening for Outbound Message notifications"),
                        failure -> Log.warnf("LISTEN failed (%s); the poll timer still finds notifications",
                                failure.getMessage()));
    }

    void close(@Observes ShutdownEvent event) {
        stopped = true;
        if (subscriber != null) {
            subscriber.closeAndAwait();
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
