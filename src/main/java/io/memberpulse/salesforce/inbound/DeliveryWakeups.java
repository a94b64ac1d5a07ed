package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.notifications.NotificationListeners;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

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
    private final NotificationListeners listeners;
    private NotificationListeners.Listening listening;

    DeliveryWakeups(DeliveryDispatcher dispatcher, DeliveryRepository deliveries, WebhookConfig config,
            NotificationListeners listeners) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.config = config;
        this.listeners = listeners;
    }

    void listen(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        listening = listeners.listen(List.of(CHANNEL), payload -> dispatcher.wake(), dispatcher::wake,
                "sends deliveries");
    }

    void close(@Observes ShutdownEvent event) {
        dispatcher.stop();
        if (listening != null) {
            listening.close();
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
