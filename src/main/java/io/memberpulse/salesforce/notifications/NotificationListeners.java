package io.memberpulse.salesforce.notifications;

import io.quarkus.logging.Log;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL LISTEN for the loops a NOTIFY starts at once (webhook deliveries, the outbound
 * pipeline, Outbound Messages). Each listener holds its own connection outside the pool, since a
 * LISTEN lasts as long as the connection, and reconnects every second. Notifications sent while it
 * is disconnected are lost, so every owner keeps a poll timer as well.
 */
@ApplicationScoped
public class NotificationListeners {

    private static final long RECONNECT_DELAY_MS = 1000L;

    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;

    NotificationListeners(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    /**
     * Listens on {@code channels}, handing each notification's payload to {@code onNotification}.
     * {@code fallback} says what the owner's poll timer still does when LISTEN fails (for the log).
     */
    public Listening listen(List<String> channels, Consumer<String> onNotification, String fallback) {
        return listen(channels, onNotification, () -> Log.debugf("Listening on %s", channels), fallback);
    }

    /** As {@link #listen(List, Consumer, String)}, running {@code onConnected} once the LISTEN is in place. */
    public Listening listen(List<String> channels, Consumer<String> onNotification, Runnable onConnected,
            String fallback) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> RECONNECT_DELAY_MS);
        channels.forEach(channel -> subscriber.channel(channel).handler(onNotification));
        subscriber.connect()
                .subscribe().with(connected -> onConnected.run(),
                        failure -> Log.warnf("LISTEN %s failed (%s); the poll timer still %s", channels,
                                failure.getMessage(), fallback));
        return new Listening(subscriber);
    }

    /** An open LISTEN; close it on shutdown. */
    public static final class Listening {

        private final PgSubscriber subscriber;

        private Listening(PgSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        public void close() {
            subscriber.closeAndAwait();
        }
    }
}
