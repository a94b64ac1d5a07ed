package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends queued webhook deliveries: claims a batch (at most one per member), posts them side by side,
 * records all outcomes in one transaction, and goes on while there is more. One round at a time per
 * replica; a wake-up during a round makes another round follow it, so no notification is lost.
 */
@ApplicationScoped
class DeliveryDispatcher {

    private final DeliveryRepository deliveries;
    private final WebhookClient webhook;
    private final WebhookConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    DeliveryDispatcher(DeliveryRepository deliveries, WebhookClient webhook, WebhookConfig config) {
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.config = config;
    }

    /** Something may be due: run a round now, or right after the one running. */
    void wake() {
        again.set(true);
        if (stopped || !config.enabled() || webhook.notReady().isPresent() || !running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        round().subscribe().with(this::finished, this::failed);
    }

    void stop() {
        stopped = true;
    }

    private Uni<Integer> round() {
        return deliveries.claim(config.batchSize(), config.claimTimeout())
                .chain(this::sendAll);
    }

    private Uni<Integer> sendAll(List<DeliveryRepository.Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<DeliveryRepository.Sent>> sends = claimed.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .call(deliveries::record)
                .map(List::size);
    }

    private Uni<DeliveryRepository.Sent> send(DeliveryRepository.Claimed delivery) {
        return webhook.send(delivery.deliveryId(), delivery.body())
                .map(outcome -> new DeliveryRepository.Sent(delivery, outcome.acknowledged(), outcome.error(),
                        outcome.acknowledged() ? null : retryAt(delivery.attempts())));
    }

    private void finished(int sent) {
        running.set(false);
        if (sent >= config.batchSize() || again.get()) {
            wake();
        }
    }

    private void failed(Throwable failure) {
        Log.warnf("Webhook delivery round failed (%s); the poll timer tries again", failure.toString());
        running.set(false);
    }

    /** Doubling from the retry delay, capped, minus up to 20% jitter so retries of many members spread. */
    OffsetDateTime retryAt(int attempts) {
        long base = config.retryDelay().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        long jitter = (long) (capped * 0.2 * Math.random());
        return OffsetDateTime.now(ZoneOffset.UTC).plusNanos((capped - jitter) * 1_000_000L);
    }
}
