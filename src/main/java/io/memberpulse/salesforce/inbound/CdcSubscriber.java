package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.AccessToken;
import io.memberpulse.salesforce.salesforce.StreamingConnection;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One tenant's CometD subscription, held by this replica while it holds the tenant's lease:
 * {@code /data/ContactChangeEvent}, {@code /data/LeadChangeEvent} and the tenant's platform event
 * channels, resumed from the stored replay ids. Each connection is a {@link StreamingSession}; this
 * class decides what its failures mean (reference §4.6): {@code 401::} evicts the token and starts
 * over with a new one; {@code 403::Unknown client} is re-handshaken by CometD and re-subscribed by the
 * session; a server disconnect or a connection CometD gave up on restarts with exponential backoff
 * and jitter (a new connection, a reset drain); a rejected replay id is caught up by SOQL.
 */
final class CdcSubscriber implements EventDrain.Owner, StreamingSession.Owner {

    static final String CONTACTS = "/data/ContactChangeEvent";
    static final String LEADS = "/data/LeadChangeEvent";

    private final String tenantId;
    private final String holder;
    private final SubscriberParts parts;
    private final Consumer<CdcSubscriber> onLeaseLost;
    private final EventDrain drain;
    private final Map<String, ReplayPositions.Position> positions = new ConcurrentHashMap<>();
    private final SubscriptionRecovery recovery;
    private final ResubscribeBarrier barrier;
    private volatile List<String> channels = List.of(CONTACTS, LEADS);
    private volatile StreamingSession current;
    private volatile AccessToken token;
    private volatile Instant lastHeard = Instant.now();
    /** Since when the Contact channel has been subscribed on the current connection; null when not. */
    private volatile Instant contactsLiveSince;
    private volatile boolean restarting;
    private volatile boolean stopped;
    private int failures;

    /** @param onLeaseLost told, with this subscriber, that it stopped because another replica holds the lease */
    CdcSubscriber(String tenantId, String holder, SubscriberParts parts, Consumer<CdcSubscriber> onLeaseLost) {
        this.tenantId = tenantId;
        this.holder = holder;
        this.parts = parts;
        this.onLeaseLost = onLeaseLost;
        this.drain = new EventDrain(tenantId, holder, parts.applier, parts.config.batchSize(), this,
                parts.onVertx);
        this.recovery = new SubscriptionRecovery(tenantId, holder, parts, drain, positions, this::leaseLost);
        this.barrier = new ResubscribeBarrier(drain);
    }

    String tenantId() {
        return tenantId;
    }

    /** Loads the stored positions and channels, then connects. Completes once the handshake is sent. */
    Uni<Void> start() {
        return parts.positions.find(tenantId)
                .invoke(positions::putAll)
                .chain(() -> parts.lease.platformChannels(tenantId))
                .invoke(this::useChannels)
                .chain(() -> parts.connections.find(tenantId))
                .invoke(connection -> recovery.connectedSince(connection == null ? null : connection.stateChangedAt))
                .chain(this::open);
    }

    private void useChannels(List<String> platformChannels) {
        List<String> all = new ArrayList<>(List.of(CONTACTS, LEADS));
        all.addAll(platformChannels);
        channels = List.copyOf(all);
    }

    private Uni<Void> open() {
        return parts.credentials.of(tenantId)
                .chain(parts.salesforce::session)
                .invoke(this::handshake)
                .replaceWithVoid();
    }

    private synchronized void handshake(AccessToken token) {
        if (stopped) {
            return;
        }
        this.token = token;
        Map<String, Long> from = new HashMap<>();
        channels.forEach(channel -> from.put(channel, recovery.replayFrom(channel)));
        StreamingConnection connection = parts.streaming.connect(token, from);
        // Opened after the restart's reset, so it takes the drain's new generation.
        StreamingSession opened = new StreamingSession(tenantId, connection, channels, this, drain, barrier, recovery,
                parts.metrics);
        current = opened;
        restarting = false;
        lastHeard = Instant.now();
        opened.open();
    }

    @Override
    public boolean isCurrent(StreamingSession candidate) {
        return candidate == current;
    }

    @Override
    public void heard() {
        lastHeard = Instant.now();
    }

    @Override
    public void subscribed(String channel) {
        synchronized (this) {
            failures = 0;
        }
        if (CONTACTS.equals(channel) && contactsLiveSince == null) {
            contactsLiveSince = Instant.now();
        }
    }

    @Override
    public void applied(StreamEvent event) {
        StreamingSession session = current;
        if (session != null) {
            session.applied(event);
        }
        recovery.applied(event);
    }

    @Override
    public void leaseLost() {
        stop();
        onLeaseLost.accept(this);
    }

    @Override
    public void retryLater(Runnable retry) {
        parts.later(parts.backoff(2), retry);
    }

    /** The token was refused: drop it from the token cache so the next one is new. */
    @Override
    public void reauthenticate(String reason) {
        AccessToken stale = token;
        if (stale != null) {
            parts.tokens.evict(tenantId, stale);
        }
        restart(reason);
    }

    /** Drops the connection and opens a new one after a backoff; events already queued are still applied. */
    @Override
    public synchronized void restart(String reason) {
        if (stopped || restarting) {
            return;
        }
        restarting = true;
        contactsLiveSince = null;
        lastHeard = Instant.now();
        parts.metrics.reconnect(reason);
        close(current);
        current = null;
        drain.reset();
        barrier.reset();
        recovery.reset();
        Duration delay = parts.backoff(++failures);
        Log.infof("Tenant %s: CometD subscription restarts in %d ms (%s)", tenantId, delay.toMillis(), reason);
        parts.later(delay, this::reopen);
    }

    private void reopen() {
        parts.onVertx.run(this::open, this::reopenFailed, () -> { });
    }

    private void reopenFailed(Throwable failure) {
        Log.warnf("Tenant %s: reconnecting to Salesforce Streaming failed: %s", tenantId, failure.getMessage());
        synchronized (this) {
            restarting = false;
        }
        restart("reconnect-failed");
    }

    /** Restarts a subscription that has been silent longer than Salesforce's keep-alive allows. */
    void watch(Instant now) {
        if (stopped || !lastHeard.plus(parts.config.silenceTimeout()).isBefore(now)) {
            return;
        }
        synchronized (this) {
            // Also a reconnect that never completed (a token request or handshake that hangs).
            restarting = false;
        }
        restart("silent");
    }

    boolean isIdle() {
        return drain.isIdle();
    }

    /**
     * Since when this subscriber has received the tenant's Contact change events without a break
     * (subscribed on its current connection), or null. The tag picklist trusts baselines recorded
     * after it (see {@code tags.TagBaselines}).
     */
    Instant contactsLiveSince() {
        return stopped ? null : contactsLiveSince;
    }

    synchronized void stop() {
        stopped = true;
        contactsLiveSince = null;
        drain.close();
        close(current);
        current = null;
    }

    private static void close(StreamingSession session) {
        if (session != null) {
            session.close();
        }
    }
}
