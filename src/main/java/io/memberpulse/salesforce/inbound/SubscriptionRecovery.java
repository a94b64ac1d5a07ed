package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.ReplayExtension;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a tenant's channels resume, and the SOQL catch-up when there is no usable replay id.
 *
 * <p>Choice for a first subscription (no stored position) and after Salesforce rejects a stored
 * replay id: subscribe with -1 (new events only) <em>first</em>, hold the queued live events, catch
 * up the object by SOQL from the last applied commit time (first subscription: from when the
 * tenant got connected), store that watermark, then apply the held events. Subscribing before the
 * catch-up means no change falls between the two; the held events are newer than or equal to what
 * the catch-up read, so applying them afterwards in order ends at the current values. Platform
 * events cannot be read back: their channels resume with -1 and say so in the log.
 */
final class SubscriptionRecovery {

    private final String tenantId;
    private final String holder;
    private final SubscriberParts parts;
    private final EventDrain drain;
    private final Map<String, ReplayPositions.Position> positions;
    private final Set<String> catchingUp = ConcurrentHashMap.newKeySet();
    private final Runnable onLeaseLost;
    private volatile Instant connectedSince = Instant.now();

    SubscriptionRecovery(String tenantId, String holder, SubscriberParts parts, EventDrain drain,
            Map<String, ReplayPositions.Position> positions, Runnable onLeaseLost) {
        this.onLeaseLost = onLeaseLost;
        this.tenantId = tenantId;
        this.holder = holder;
        this.parts = parts;
        this.drain = drain;
        this.positions = positions;
    }

    void connectedSince(Instant since) {
        if (since != null) {
            connectedSince = since;
        }
    }

    /**
     * The last applied replay id; without one, the oldest event this drain still queues of the channel.
     * Why the latter: those events are the stream since the channel's -1 subscription (a re-handshake
     * keeps the queue), so resuming right after the oldest of them misses nothing (the rest come again
     * and are dropped as duplicates) and needs no second catch-up, which would deliver current values
     * ahead of the queued older changes. -1 (and a catch-up) only when there is neither.
     */
    long replayFrom(String channel) {
        ReplayPositions.Position position = positions.get(channel);
        if (position != null && position.replayable()) {
            return position.replayId();
        }
        Long oldest = drain.oldestQueued(channel);
        return oldest == null ? ReplayExtension.NEW_EVENTS : oldest;
    }

    void applied(StreamEvent event) {
        positions.put(event.channel(), new ReplayPositions.Position(event.replayId(), event.committedAt()));
    }

    /** Salesforce no longer has the events after the stored id: resume with -1 and catch up after subscribing. */
    void replayRejected(String channel) {
        ReplayPositions.Position old = positions.get(channel);
        Log.warnf("Tenant %s: Salesforce rejected replay id %s on %s; catching up by SOQL from %s", tenantId,
                old == null ? "?" : old.replayId(), channel, since(channel));
        positions.put(channel, new ReplayPositions.Position(ReplayExtension.NEW_EVENTS, since(channel)));
    }

    /** After a successful subscribe: a channel subscribed without a replay id ({@code from} -1) is caught up first. */
    void afterSubscribe(String channel, long from) {
        if (from >= 0) {
            return;
        }
        String object = objectOf(channel);
        if (object == null) {
            Log.infof("Tenant %s: %s resumes with new events only (platform events cannot be read back)", tenantId,
                    channel);
            return;
        }
        if (catchingUp.add(channel)) {
            drain.hold(channel);
            runCatchUp(channel, object);
        }
    }

    private Uni<Void> catchUp(String channel, String object) {
        Instant since = since(channel);
        // Held before the query is sent, so committed before the org was read: covered by it.
        Set<String> receivedBefore = drain.queuedKeys(channel);
        return parts.catchUp.catchUp(tenantId, object, since, ChangeSource.CATCH_UP)
                .invoke(result -> Log.infof("Tenant %s: %s caught up from %s: %d examined, %d applied", tenantId,
                        object, since, result.examined(), result.applied()))
                .map(result -> new ReplayPositions.Position(ReplayExtension.NEW_EVENTS, result.until()))
                .call(position -> parts.applier.storePosition(tenantId, holder, channel, position))
                .invoke(position -> positions.merge(channel, position, SubscriptionRecovery::newer))
                .invoke(position -> dropCovered(channel, receivedBefore, position))
                .replaceWithVoid();
    }

    private void dropCovered(String channel, Set<String> receivedBefore,
            ReplayPositions.Position watermark) {
        int dropped = drain.dropCoveredBy(channel, receivedBefore, watermark.committedAt());
        if (dropped > 0) {
            Log.infof("Tenant %s: %d held events on %s were covered by the catch-up", tenantId, dropped, channel);
        }
    }

    /** Live events applied during the catch-up win over its watermark. */
    private static ReplayPositions.Position newer(ReplayPositions.Position live, ReplayPositions.Position watermark) {
        return live.replayable() ? live : watermark;
    }

    private void caughtUp(String channel) {
        catchingUp.remove(channel);
        drain.release(channel);
    }

    /** The held events stay held: applying them without the catch-up would skip what it had to find. */
    private void catchUpFailed(String channel, String object, Throwable failure) {
        if (failure instanceof StreamApplier.LeaseLost) {
            Log.warnf("Tenant %s: %s; stopping this replica's subscription", tenantId, failure.getMessage());
            onLeaseLost.run();
            return;
        }
        Log.warnf("Tenant %s: catching up %s failed (%s); retrying", tenantId, object, failure.getMessage());
        parts.later(parts.backoff(3), () -> retryCatchUp(channel, object));
    }

    private void retryCatchUp(String channel, String object) {
        if (drain.isClosed()) {
            return;
        }
        runCatchUp(channel, object);
    }

    private void runCatchUp(String channel, String object) {
        parts.onVertx.run(() -> catchUp(channel, object), failure -> catchUpFailed(channel, object, failure),
                () -> caughtUp(channel));
    }

    void reset() {
        catchingUp.clear();
    }

    private Instant since(String channel) {
        ReplayPositions.Position position = positions.get(channel);
        return position == null || position.committedAt() == null ? connectedSince : position.committedAt();
    }

    /** The sObject of a change event channel; null for platform event channels. */
    static String objectOf(String channel) {
        if (!channel.startsWith("/data/") || !channel.endsWith("ChangeEvent")) {
            return null;
        }
        String name = channel.substring("/data/".length(), channel.length() - "ChangeEvent".length());
        return name.endsWith("__") ? name + "c" : name;
    }
}
