package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.AccessToken;
import io.memberpulse.salesforce.salesforce.ReplayExtension;
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
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;

/**
 * One tenant's CometD subscription, held by this replica while it holds the tenant's lease:
 * {@code /data/ContactChangeEvent}, {@code /data/LeadChangeEvent} and the tenant's platform event
 * channels, resumed from the stored replay ids. Reacts to Salesforce's errors (reference §4.6):
 * {@code 401::} evicts the session and starts over with a new token; {@code 403::Unknown client} is
 * re-handshaken by CometD and re-subscribed here; a server disconnect or a connection CometD gave up
 * on restarts with exponential backoff and jitter; a rejected replay id is caught up by SOQL.
 */
final class CdcSubscriber implements EventDrain.Owner {

    static final String CONTACTS = "/data/ContactChangeEvent";
    static final String LEADS = "/data/LeadChangeEvent";

    private final String tenantId;
    private final String holder;
    private final SubscriberParts parts;
    private final Runnable onLeaseLost;
    private final EventDrain drain;
    private final Map<String, ReplayPositions.Position> positions = new ConcurrentHashMap<>();
    private final Map<String, ClientSessionChannel.MessageListener> listeners = new ConcurrentHashMap<>();
    private final SubscriptionRecovery recovery;
    private final ResubscribeBarrier barrier;
    private volatile List<String> channels = List.of(CONTACTS, LEADS);
    private volatile StreamingConnection current;
    private volatile AccessToken session;
    private volatile Instant lastHeard = Instant.now();
    /** Since when the Contact channel has been subscribed on the current connection; null when not. */
    private volatile Instant contactsLiveSince;
    private volatile boolean restarting;
    private volatile boolean stopped;
    private int failures;

    CdcSubscriber(String tenantId, String holder, SubscriberParts parts, Runnable onLeaseLost) {
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
        session = token;
        Map<String, Long> from = new HashMap<>();
        channels.forEach(channel -> from.put(channel, recovery.replayFrom(channel)));
        StreamingConnection connection = parts.streaming.connect(token, from);
        current = connection;
        restarting = false;
        lastHeard = Instant.now();
        // The drain's generation of this connection: what its callbacks report after a restart replaced it is ignored.
        long generation = drain.generation();
        connection.client().addExtension(barrier.watchingConnects(generation));
        connection.client().getChannel(Channel.META_HANDSHAKE)
                .addListener((ClientSessionChannel.MessageListener) (c, m) -> onHandshake(connection, generation, m));
        connection.client().getChannel(Channel.META_CONNECT)
                .addListener((ClientSessionChannel.MessageListener) (c, m) -> onConnect(connection, generation, m));
        connection.client().getChannel(Channel.META_DISCONNECT)
                .addListener((ClientSessionChannel.MessageListener) (c, m) -> onDisconnect(connection));
        listeners.clear();
        channels.forEach(channel -> listeners.put(channel, (ClientSessionChannel.MessageListener) (c, message) ->
                received(connection, generation, channel, message)));
        connection.client().handshake();
    }

    private void onHandshake(StreamingConnection connection, long generation, Message reply) {
        if (connection != current) {
            return;
        }
        if (reply.isSuccessful()) {
            // Subscriptions do not survive a handshake: subscribe again after every one.
            barrier.handshook(generation, channels.size());
            channels.forEach(channel -> listen(connection, channel));
            channels.forEach(channel -> subscribe(connection, generation, channel, recovery.replayFrom(channel)));
        } else if (SalesforceStreamingErrors.isAuthentication(reply)) {
            reauthenticate("handshake-401");
        } else {
            restart("handshake-denied");
        }
    }

    private void onConnect(StreamingConnection connection, long generation, Message reply) {
        if (connection != current) {
            return;
        }
        lastHeard = Instant.now();
        barrier.connectAnswered(generation);
        if (reply.isSuccessful()) {
            return;
        }
        if (SalesforceStreamingErrors.isAuthentication(reply)) {
            reauthenticate("connect-401");
        } else if (SalesforceStreamingErrors.isUnknownClient(reply)) {
            // CometD handshakes again by itself (advice "handshake"); onHandshake re-subscribes.
            parts.metrics.reconnect("unknown-client");
        } else if (SalesforceStreamingErrors.givesUp(reply)) {
            restart("connect-refused");
        } else {
            parts.metrics.reconnect("network");
        }
    }

    private void onDisconnect(StreamingConnection connection) {
        if (connection == current && !stopped) {
            restart("server-disconnect");
        }
    }

    /**
     * Events are taken by a channel listener, not by the subscription's own listener: CometD only
     * attaches that one when the subscribe reply is processed, and replayed events can come first
     * (in the same response, or on the held connect); they would be dropped unseen. Checked after
     * every handshake, as CometD may replace a channel object when it resets subscriptions.
     */
    private void listen(StreamingConnection connection, String channel) {
        ClientSessionChannel.MessageListener listener = listeners.get(channel);
        ClientSessionChannel clientChannel = connection.client().getChannel(channel);
        if (!clientChannel.getListeners().contains(listener)) {
            clientChannel.addListener(listener);
        }
    }

    private void subscribe(StreamingConnection connection, long generation, String channel, long from) {
        Log.debugf("Tenant %s: subscribing to %s from replay id %d", tenantId, channel, from);
        connection.replay().advance(channel, from);
        // A new (empty) listener each time: CometD ignores a subscription listener it already has.
        connection.client().getChannel(channel).subscribe(
                (ClientSessionChannel.MessageListener) (c, message) -> { },
                reply -> onSubscribed(connection, generation, channel, from, reply));
    }

    private void onSubscribed(StreamingConnection connection, long generation, String channel, long from,
            Message reply) {
        if (connection != current) {
            return;
        }
        if (reply.isSuccessful()) {
            synchronized (this) {
                failures = 0;
            }
            if (CONTACTS.equals(channel) && contactsLiveSince == null) {
                contactsLiveSince = Instant.now();
            }
            recovery.afterSubscribe(channel, from);
            barrier.subscribeAnswered(generation);
        } else if (SalesforceStreamingErrors.isInvalidReplay(reply)) {
            parts.metrics.reconnect("replay-invalid");
            recovery.replayRejected(channel);
            subscribe(connection, generation, channel, ReplayExtension.NEW_EVENTS);
        } else {
            Log.warnf("Tenant %s: subscribing to %s failed: %s", tenantId, channel, reply.get(Message.ERROR_FIELD));
            restart("subscribe-failed");
        }
    }

    private void received(StreamingConnection connection, long generation, String channel, Message message) {
        if (connection != current) {
            return;
        }
        lastHeard = Instant.now();
        StreamEvent event;
        try {
            event = ChangeEvents.parse(channel, message.getDataAsMap());
        } catch (RuntimeException e) {
            Log.errorf(e, "Tenant %s: a message on %s could not be read; restarting so it is replayed", tenantId,
                    channel);
            restart("unreadable-event");
            return;
        }
        parts.metrics.received(channel);
        // Not enough that the connection was current above: a restart may replace it before the offer.
        drain.offer(event, generation);
    }

    @Override
    public void applied(StreamEvent event) {
        StreamingConnection connection = current;
        if (connection != null) {
            connection.replay().advance(event.channel(), event.replayId());
        }
        recovery.applied(event);
    }

    @Override
    public void leaseLost() {
        stop();
        onLeaseLost.run();
    }

    @Override
    public void retryLater(Runnable retry) {
        parts.later(parts.backoff(2), retry);
    }

    /** The session was refused: drop it from the token cache so the next one is new. */
    private void reauthenticate(String reason) {
        AccessToken stale = session;
        if (stale != null) {
            parts.tokens.evict(tenantId, stale);
        }
        restart(reason);
    }

    /** Drops the connection and opens a new one after a backoff; events already queued are still applied. */
    synchronized void restart(String reason) {
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

    private static void close(StreamingConnection connection) {
        if (connection != null) {
            connection.client().disconnect();
        }
    }
}
