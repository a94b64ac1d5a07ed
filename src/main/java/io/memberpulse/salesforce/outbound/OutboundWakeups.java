package io.memberpulse.salesforce.outbound;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    OutboundWakeups(OutboundDispatcher dispatcher, OutboxRepository outbox, OutboundConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.config = config;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    void listen(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(OutboundChannels.MEMBER_EVENTS).handler(dispatcher::wake);
        subscriber.channel(OutboundChannels.OUTBOX).handler(dispatcher::wake);
        subscriber.connect()
                .subscribe().with(connected -> Log.debug("Listening for outbound work"),
                        failure -> Log.warnf("LISTEN failed (%s); the poll timer still finds work",
                                failure.getMessage()));
    }

    void close(@Observes ShutdownEvent event) {
        dispatcher.stop();
        if (subscriber != null) {
            subscriber.closeAndAwait();
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
