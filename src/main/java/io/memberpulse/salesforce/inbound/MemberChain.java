package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One member's claimed deliveries, sent one after another: the next only after the previous one's
 * 2xx, so a member never has two in flight and never sees them reordered. The chain stops at the first
 * delivery not acknowledged (it is retried later, and what follows it waits for it) and starts nothing
 * after its deadline, so every send ends before the claim could expire. Deliveries it did not send are
 * simply not reported: they stay queued as they were.
 */
final class MemberChain {

    private final List<DeliveryRepository.Claimed> deliveries;
    private final WebhookClient webhook;
    private final IntFunction<OffsetDateTime> retryAt;
    private final long deadline;
    private final List<DeliveryRepository.Sent> sent = new ArrayList<>();

    /**
     * @param retryAt when to retry a delivery after its {@code attempts}-th attempt failed
     * @param deadline {@link System#nanoTime()} after which no further delivery is started
     */
    MemberChain(List<DeliveryRepository.Claimed> deliveries, WebhookClient webhook,
            IntFunction<OffsetDateTime> retryAt, long deadline) {
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.retryAt = retryAt;
        this.deadline = deadline;
    }

    /** Sends the chain; the outcomes of the deliveries it attempted, in order. Never fails on a send's outcome. */
    Uni<List<DeliveryRepository.Sent>> send() {
        return sendFrom(0);
    }

    private Uni<List<DeliveryRepository.Sent>> sendFrom(int index) {
        // The head is always sent: its claim was made for it.
        if (index == deliveries.size() || index > 0 && System.nanoTime() - deadline > 0) {
            return Uni.createFrom().item(sent);
        }
        DeliveryRepository.Claimed delivery = deliveries.get(index);
        return webhook.send(delivery.deliveryId(), delivery.body())
                .map(outcome -> sent(delivery, outcome))
                .invoke(sent::add)
                .chain(last -> after(last, index));
    }

    private Uni<List<DeliveryRepository.Sent>> after(DeliveryRepository.Sent last, int index) {
        return last.acknowledged() ? sendFrom(index + 1) : Uni.createFrom().item(sent);
    }

    private DeliveryRepository.Sent sent(DeliveryRepository.Claimed delivery, WebhookClient.Outcome outcome) {
        return new DeliveryRepository.Sent(delivery, outcome.acknowledged(), outcome.error(), outcome.hint(),
                outcome.acknowledged() ? null : retryAt.apply(delivery.attempts()));
    }
}
