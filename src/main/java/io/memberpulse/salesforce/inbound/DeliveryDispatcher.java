package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends queued webhook deliveries in rounds: a round claims the chains of up to {@code batch-size}
 * members (each member's next deliveries, see {@link DeliveryRepository}), sends the chains side by
 * side, each in order ({@link MemberChain}), and records every outcome in one statement. A round that
 * sent something is followed by another, so a backlog drains without waiting for the poll; a wake-up
 * during a round makes another round follow it, so no notification is lost. While a round sends, a
 * second one may start ({@code rounds-in-flight}) when the last claim was full: more members wait.
 */
@ApplicationScoped
class DeliveryDispatcher {

    private final DeliveryRepository deliveries;
    private final WebhookClient webhook;
    private final WebhookConfig config;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicLong wakes = new AtomicLong();
    private volatile boolean lastClaimFull;
    private volatile boolean stopped;

    DeliveryDispatcher(DeliveryRepository deliveries, WebhookClient webhook, WebhookConfig config) {
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.config = config;
    }

    /** Something may be due: run a round now, or right after the ones running. */
    void wake() {
        long wake = wakes.incrementAndGet();
        if (stopped || !config.enabled() || webhook.notReady().isPresent()) {
            return;
        }
        int running = rounds.get();
        boolean room = running == 0 || running < config.roundsInFlight() && lastClaimFull;
        if (room && rounds.compareAndSet(running, running + 1)) {
            round().subscribe().with(sent -> finished(sent, wake), this::failed);
        }
    }

    void stop() {
        stopped = true;
    }

    private Uni<Integer> round() {
        // Measured before the claim, so the chains' deadline is never later than the claim's expiry allows.
        long claimedAt = System.nanoTime();
        return deliveries.claim(config.batchSize(), config.chainLength(), config.claimTimeout())
                .invoke(this::noteFullness)
                .invoke(claimed -> logClaim(claimed, claimedAt))
                .chain(claimed -> sendAll(claimed, claimedAt))
                .invoke(sent -> logRound(sent, claimedAt));
    }

    private static void logClaim(List<DeliveryRepository.Claimed> claimed, long claimedAt) {
        if (!claimed.isEmpty()) {
            Log.debugf("Webhook round: claimed %d deliveries in %d ms", claimed.size(), millisSince(claimedAt));
        }
    }

    private static void logRound(int sent, long claimedAt) {
        if (sent > 0) {
            Log.debugf("Webhook round: %d attempts sent and recorded %d ms after the claim began", sent,
                    millisSince(claimedAt));
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private void noteFullness(List<DeliveryRepository.Claimed> claimed) {
        lastClaimFull = claimed.stream().mapToLong(DeliveryRepository.Claimed::head).distinct().count()
                >= config.batchSize();
    }

    private Uni<Integer> sendAll(List<DeliveryRepository.Claimed> claimed, long claimedAt) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        long deadline = claimedAt + config.claimTimeout().minus(config.sendTimeout()).toNanos();
        List<Uni<List<DeliveryRepository.Sent>>> chains = new ArrayList<>();
        for (List<DeliveryRepository.Claimed> chain : byMember(claimed)) {
            chains.add(new MemberChain(chain, webhook, this::retryAt, deadline).send());
        }
        return Uni.join().all(chains).andFailFast()
                .map(DeliveryDispatcher::flatten)
                .call(deliveries::record)
                .map(List::size);
    }

    private static List<List<DeliveryRepository.Claimed>> byMember(List<DeliveryRepository.Claimed> claimed) {
        Map<Long, List<DeliveryRepository.Claimed>> chains = new LinkedHashMap<>();
        for (DeliveryRepository.Claimed delivery : claimed) {
            chains.computeIfAbsent(delivery.head(), head -> new ArrayList<>()).add(delivery);
        }
        return new ArrayList<>(chains.values());
    }

    private static List<DeliveryRepository.Sent> flatten(List<List<DeliveryRepository.Sent>> chains) {
        List<DeliveryRepository.Sent> all = new ArrayList<>();
        chains.forEach(all::addAll);
        return all;
    }

    /** Goes on while rounds send something, and after a wake-up that came while this round ran. */
    private void finished(int sent, long wake) {
        rounds.decrementAndGet();
        if (sent > 0 || wakes.get() != wake) {
            wake();
        }
    }

    private void failed(Throwable failure) {
        // Never the failure's own text: a driver's message may carry a URL with its credentials.
        WebhookFailures why = WebhookFailures.round(failure);
        Log.warnf("%s. %s", why.error(), why.hint());
        rounds.decrementAndGet();
    }

    /** Doubling from the retry delay, capped, minus up to 20% jitter so retries of many members spread. */
    OffsetDateTime retryAt(int attempts) {
        long base = config.retryDelay().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        long jitter = (long) (capped * 0.2 * Math.random());
        return OffsetDateTime.now(ZoneOffset.UTC).plusNanos((capped - jitter) * 1_000_000L);
    }
}
