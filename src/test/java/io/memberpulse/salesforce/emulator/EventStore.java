package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * An org's retained streaming events (reference §4.3): replay ids increase per org, events are
 * kept for the retention window (72 h for CDC and high-volume platform events) by the emulator
 * clock. Callers synchronize on the store to make append-and-deliver and replay atomic.
 */
public final class EventStore {

    /** A retained event: the CometD {@code data} object and the channel it was published on. */
    public record RetainedEvent(long replayId, Instant publishedAt, String channel, Map<String, Object> data) {
    }

    /** Salesforce's retention for CDC and high-volume platform events. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(72);

    private final EmulatorClock clock;
    private final List<RetainedEvent> events = new ArrayList<>();
    private final Map<String, Long> purgedUpTo = new HashMap<>();
    private long lastReplayId = 10_000;
    private Duration retention = DEFAULT_RETENTION;

    EventStore(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Appends one event per channel, all with the same new replay id; the factory builds the data. */
    synchronized List<RetainedEvent> append(List<String> channels, LongFunction<Map<String, Object>> data) {
        long replayId = ++lastReplayId;
        Map<String, Object> body = data.apply(replayId);
        List<RetainedEvent> added = new ArrayList<>();
        for (String channel : channels) {
            RetainedEvent event = new RetainedEvent(replayId, clock.now(), channel, body);
            events.add(event);
            added.add(event);
        }
        return added;
    }

    /** Retained events of a channel after a replay id ({@code -2}: all retained; {@code -1}: none). */
    public synchronized List<RetainedEvent> after(String channel, long replayId) {
        purge();
        if (replayId == -1) {
            return List.of();
        }
        return events.stream().filter(e -> e.channel().equals(channel))
                .filter(e -> replayId == -2 || e.replayId() > replayId).toList();
    }

    /** Valid: -1, -2, or an id from which no retained event of the channel has been purged. */
    public synchronized boolean isValidReplayFrom(String channel, long replayId) {
        purge();
        if (replayId == -1 || replayId == -2) {
            return true;
        }
        return replayId >= purgedUpTo.getOrDefault(channel, 0L) && replayId <= lastReplayId;
    }

    /**
     * Drops every retained event as if the retention window had passed over them: a subscriber's
     * stored replay id is then rejected with Salesforce's {@code 400::The replayId ...} error.
     */
    public synchronized void expireAll() {
        for (RetainedEvent event : events) {
            purgedUpTo.merge(event.channel(), event.replayId(), Math::max);
        }
        events.clear();
    }

    public synchronized List<RetainedEvent> all() {
        purge();
        return List.copyOf(events);
    }

    public synchronized long lastReplayId() {
        return lastReplayId;
    }

    public synchronized void setRetention(Duration retention) {
        this.retention = retention;
    }

    synchronized void clear() {
        events.clear();
        purgedUpTo.clear();
        retention = DEFAULT_RETENTION;
    }

    private void purge() {
        Instant cutoff = clock.now().minus(retention);
        events.removeIf(e -> {
            boolean old = e.publishedAt().isBefore(cutoff);
            if (old) {
                purgedUpTo.merge(e.channel(), e.replayId(), Math::max);
            }
            return old;
        });
    }
}
