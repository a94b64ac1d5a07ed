package io.memberpulse.salesforce.inbound;

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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What starts webhook rounds: the notification every statement that queues deliveries sends on
 * commit (LISTEN), so a change reaches MemberPulse at once, and a timer for retries coming due,
 * claims of a replica that died and notifications missed while disconnected.
 */
@ApplicationScoped
class DeliveryWakeups {

    /** The channel the {@code webhook_delivery_queued} trigger notifies. */
    static final String CHANNEL = "memberpulse_webhook";

    private final DeliveryDispatcher dispatcher;
    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    DeliveryWakeups(DeliveryDispatcher dispatcher, DeliveryRepository deliveries, WebhookConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
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
        subscriber.channel(CHANNEL).handler(payload -> dispatcher.wake());
        subscriber.connect()
                .subscribe().with(connected -> dispatcher.wake(),
                        failure -> Log.warnf("LISTEN %s failed (%s); the poll timer still sends deliveries", CHANNEL,
                                failure.getMessage()));
    }

    void close(@Observes ShutdownEvent event) {
        dispatcher.stop();
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    @Scheduled(every = "${memberpulse.webhook.poll-interval:PT2S}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatcher.wake();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return deliveries.purgeDelivered(config.retention());
    }
}
