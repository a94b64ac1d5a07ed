package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One tenant's received events, applied strictly in arrival order by a single drainer on a Vert.x
 * context (CometD delivers on Jetty threads). Consecutive events with values go in one transaction
 * (up to the batch size); a gap or overflow event is handled on its own. An event leaves the queue
 * only after its transaction committed; a failed batch stays at the head and is retried.
 */
final class EventDrain {

    /** Told after a batch committed (advance the replay extension) or when the lease is lost. */
    interface Owner {
        void applied(StreamEvent event);

        void leaseLost();

        void retryLater(Runnable retry);
    }

    private final OnVertx onVertx;

    private final String tenantId;
    private final String holder;
    private final StreamApplier applier;
    private final int batchSize;
    private final Owner owner;
    /** In replay id order (Salesforce's commit order), whatever order CometD hands events over in. */
    private final ConcurrentSkipListSet<StreamEvent> queue =
            new ConcurrentSkipListSet<>(Comparator.comparingLong(StreamEvent::replayId)
                    .thenComparing(StreamEvent::channel));
    private final Map<String, Long> appliedUpTo = new ConcurrentHashMap<>();
    private final Set<String> queuedIds = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger holds = new AtomicInteger();
    /** Channels whose events wait for their catch-up; the other channels keep being applied. */
    private final Map<String, Integer> channelHolds = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Guarded by this: which connection's events are taken (see {@link #offer}). */
    private long generation;

    EventDrain(String tenantId, String holder, StreamApplier applier, int batchSize, Owner owner, OnVertx onVertx) {
        this.onVertx = onVertx;
        this.tenantId = tenantId;
        this.holder = holder;
        this.applier = applier;
        this.batchSize = batchSize;
        this.owner = owner;
    }

    /**
     * The current generation; {@link #reset()} starts a new one. A connection takes it when it is
     * opened and offers its events with it.
     */
    synchronized long generation() {
        return generation;
    }

    /**
     * Queues an event unless the channel already queued it or a later one: after a re-handshake
     * Salesforce replays from the last <em>applied</em> id, which repeats events still queued. An
     * event of an earlier {@code generation} is dropped: its connection was replaced by a reset while
     * a CometD thread was still handing its events over, and applying it alone in the emptied queue
     * would move the replay position past every event the reset forgot (found by CdcFaultTest: a
     * single late event applied after a 401 restart skipped 2,400 changes).
     */
    void offer(StreamEvent event, long fromGeneration) {
        // CometD may hand over two HTTP responses at once (a subscribe reply with replayed events, a
        // held connect with live ones): check and enqueue atomically.
        synchronized (this) {
            // Exact ids, not a high-water mark: an event never seen is never skipped.
            if (fromGeneration != generation || !queuedIds.add(key(event))
                    || event.replayId() <= appliedUpTo.getOrDefault(event.channel(), Long.MIN_VALUE)) {
                return;
            }
            queue.add(event);
        }
        kick();
    }

    /** Pauses applying every channel (a re-subscription settles first); events keep being queued. */
    void hold() {
        holds.incrementAndGet();
    }

    void release() {
        holds.updateAndGet(n -> Math.max(0, n - 1));
        kick();
    }

    /** Pauses applying one channel (its catch-up runs first); its events keep being queued. */
    void hold(String channel) {
        channelHolds.merge(channel, 1, Integer::sum);
    }

    void release(String channel) {
        channelHolds.computeIfPresent(channel, (c, n) -> n > 1 ? n - 1 : null);
        kick();
    }

    /**
     * Forgets queued events and holds, and starts a new generation: a restarted subscription replays
     * from the last applied ids. What was applied is remembered, so a batch committing meanwhile is
     * not applied twice.
     */
    synchronized void reset() {
        generation++;
        queue.clear();
        queuedIds.clear();
        holds.set(0);
        channelHolds.clear();
    }

    void close() {
        closed = true;
        queue.clear();
    }

    /** The keys of the events of a channel queued now (to know later which were received before a moment). */
    Set<String> queuedKeys(String channel) {
        return queue.stream()
                .filter(event -> event.channel().equals(channel))
                .map(EventDrain::key)
                .collect(Collectors.toSet());
    }

    /**
     * Drops held events of a channel that a catch-up's read certainly covered: those received before
     * the read, and those committed in an earlier second than the newest record stamp it read
     * ({@code watermark}, whole seconds like every SystemModstamp). An event of the watermark's own
     * second may be newer than the read (commit timestamps can be whole seconds too) and is kept.
     * Applying covered events afterwards would send older values after newer ones.
     */
    int dropCoveredBy(String channel, Set<String> receivedBefore, Instant watermark) {
        int before = queue.size();
        queue.removeIf(event -> event.channel().equals(channel)
                && (receivedBefore.contains(key(event)) || event.committedAt().isBefore(watermark))
                && queuedIds.remove(key(event)));
        return before - queue.size();
    }

    private static String key(StreamEvent event) {
        return event.channel() + "#" + event.replayId();
    }

    /** The smallest replay id queued of a channel, or null. */
    Long oldestQueued(String channel) {
        return queue.stream()
                .filter(event -> event.channel().equals(channel))
                .map(StreamEvent::replayId)
                .findFirst()
                .orElse(null);
    }

    boolean isClosed() {
        return closed;
    }

    int queued() {
        return queue.size();
    }

    boolean isIdle() {
        return queue.isEmpty() && !running.get();
    }

    void kick() {
        if (closed || holds.get() > 0 || !hasApplicable() || !running.compareAndSet(false, true)) {
            return;
        }
        onVertx.run(this::applyNext, this::failed, this::finished);
    }

    private Uni<?> applyNext() {
        List<StreamEvent> batch = nextBatch();
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StreamEvent first = batch.get(0);
        Uni<Void> work;
        if (first.appliesDirectly()) {
            work = applier.applyBatch(tenantId, holder, batch);
        } else if (first.type() == StreamEvent.Type.FETCH_RECORDS) {
            work = applier.applyGap(tenantId, holder, first);
        } else {
            work = applier.applyOverflow(tenantId, holder, first);
        }
        return work.invoke(() -> committed(batch));
    }

    private boolean hasApplicable() {
        return queue.stream().anyMatch(event -> !channelHolds.containsKey(event.channel()));
    }

    /** The oldest events of channels not held, consecutive in replay id order, or one gap/overflow event. */
    private List<StreamEvent> nextBatch() {
        List<StreamEvent> batch = new ArrayList<>();
        for (StreamEvent event : queue) {
            if (channelHolds.containsKey(event.channel())) {
                continue;
            }
            if (!event.appliesDirectly()) {
                if (batch.isEmpty()) {
                    batch.add(event);
                }
                break;
            }
            batch.add(event);
            if (batch.size() == batchSize) {
                break;
            }
        }
        return batch;
    }

    /** Removes exactly the committed events (by identity: a reset may have replaced the queue meanwhile). */
    private void committed(List<StreamEvent> batch) {
        for (StreamEvent event : batch) {
            queue.remove(event);
            queuedIds.remove(key(event));
            appliedUpTo.merge(event.channel(), event.replayId(), Math::max);
            owner.applied(event);
        }
    }

    private void finished() {
        running.set(false);
        kick();
    }

    private void failed(Throwable failure) {
        running.set(false);
        if (failure instanceof StreamApplier.LeaseLost) {
            Log.warnf("Tenant %s: %s; stopping this replica's subscription", tenantId, failure.getMessage());
            owner.leaseLost();
            return;
        }
        Log.warnf(failure, "Tenant %s: applying %d queued streaming events failed; retrying", tenantId,
                queue.size());
        owner.retryLater(this::kick);
    }
}
