package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.salesforce.ReplayExtension;
import io.memberpulse.salesforce.salesforce.StreamingConnection;
import io.quarkus.logging.Log;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;

/**
 * One CometD connection of a tenant's subscription: takes its handshake, connect and disconnect
 * replies and its channels' events, and subscribes every channel again after each handshake (from
 * where {@link SubscriptionRecovery} says). What to do about a failure is the owner's decision. The
 * connection's threads may still report after a restart replaced it: reports of a connection that
 * is no longer the owner's current one are ignored, and what it hands to the drain and the barrier
 * carries the drain generation it was opened in, checked there atomically.
 */
final class StreamingSession {

    /** The subscriber owning the session. */
    interface Owner {
        boolean isCurrent(StreamingSession session);

        /** Something arrived: the subscription is not silent. */
        void heard();

        /** A channel is subscribed (its events flow from now on). */
        void subscribed(String channel);

        void restart(String reason);

        /** The session's token was refused: restart with a new one. */
        void reauthenticate(String reason);
    }

    private final String tenantId;
    private final StreamingConnection connection;
    private final long generation;
    private final List<String> channels;
    private final Owner owner;
    private final EventDrain drain;
    private final ResubscribeBarrier barrier;
    private final SubscriptionRecovery recovery;
    private final CdcMetrics metrics;
    private final Map<String, ClientSessionChannel.MessageListener> listeners = new HashMap<>();

    StreamingSession(String tenantId, StreamingConnection connection, List<String> channels, Owner owner,
            EventDrain drain, ResubscribeBarrier barrier, SubscriptionRecovery recovery, CdcMetrics metrics) {
        this.tenantId = tenantId;
        this.connection = connection;
        this.generation = drain.generation();
        this.channels = channels;
        this.owner = owner;
        this.drain = drain;
        this.barrier = barrier;
        this.recovery = recovery;
        this.metrics = metrics;
        channels.forEach(channel -> listeners.put(channel,
                (ClientSessionChannel.MessageListener) (c, message) -> received(channel, message)));
    }

    /** Wires the connection's listeners and sends the handshake. */
    void open() {
        connection.client().addExtension(barrier.watchingConnects(generation));
        connection.client().getChannel(Channel.META_HANDSHAKE)
                .addListener((ClientSessionChannel.MessageListener) (c, reply) -> onHandshake(reply));
        connection.client().getChannel(Channel.META_CONNECT)
                .addListener((ClientSessionChannel.MessageListener) (c, reply) -> onConnect(reply));
        connection.client().getChannel(Channel.META_DISCONNECT)
                .addListener((ClientSessionChannel.MessageListener) (c, reply) -> onDisconnect());
        connection.client().handshake();
    }

    void close() {
        connection.client().disconnect();
    }

    /** Moves the replay id a re-handshake of this connection resubscribes from (an event was applied). */
    void applied(StreamEvent event) {
        connection.replay().advance(event.channel(), event.replayId());
    }

    private void onHandshake(Message reply) {
        if (!owner.isCurrent(this)) {
            return;
        }
        if (reply.isSuccessful()) {
            // Subscriptions do not survive a handshake: subscribe again after every one.
            barrier.handshook(generation, channels.size());
            channels.forEach(this::listen);
            channels.forEach(channel -> subscribe(channel, recovery.replayFrom(channel)));
        } else if (SalesforceStreamingErrors.isAuthentication(reply)) {
            owner.reauthenticate("handshake-401");
        } else {
            owner.restart("handshake-denied");
        }
    }

    private void onConnect(Message reply) {
        if (!owner.isCurrent(this)) {
            return;
        }
        owner.heard();
        barrier.connectAnswered(generation);
        if (reply.isSuccessful()) {
            return;
        }
        if (SalesforceStreamingErrors.isAuthentication(reply)) {
            owner.reauthenticate("connect-401");
        } else if (SalesforceStreamingErrors.isUnknownClient(reply)) {
            // CometD handshakes again by itself (advice "handshake"); onHandshake re-subscribes.
            metrics.reconnect("unknown-client");
        } else if (SalesforceStreamingErrors.givesUp(reply)) {
            owner.restart("connect-refused");
        } else {
            metrics.reconnect("network");
        }
    }

    private void onDisconnect() {
        if (owner.isCurrent(this)) {
            owner.restart("server-disconnect");
        }
    }

    /**
     * Events are taken by a channel listener, not by the subscription's own listener: CometD only
     * attaches that one when the subscribe reply is processed, and replayed events can come first
     * (in the same response, or on the held connect); they would be dropped unseen. Checked after
     * every handshake, as CometD may replace a channel object when it resets subscriptions.
     */
    private void listen(String channel) {
        ClientSessionChannel.MessageListener listener = listeners.get(channel);
        ClientSessionChannel clientChannel = connection.client().getChannel(channel);
        if (!clientChannel.getListeners().contains(listener)) {
            clientChannel.addListener(listener);
        }
    }

    private void subscribe(String channel, long from) {
        Log.debugf("Tenant %s: subscribing to %s from replay id %d", tenantId, channel, from);
        connection.replay().advance(channel, from);
        // A new (empty) listener each time: CometD ignores a subscription listener it already has.
        connection.client().getChannel(channel).subscribe(
                (ClientSessionChannel.MessageListener) (c, message) -> { },
                reply -> onSubscribed(channel, from, reply));
    }

    private void onSubscribed(String channel, long from, Message reply) {
        if (!owner.isCurrent(this)) {
            return;
        }
        if (reply.isSuccessful()) {
            owner.subscribed(channel);
            recovery.afterSubscribe(channel, from);
            barrier.subscribeAnswered(generation);
        } else if (SalesforceStreamingErrors.isInvalidReplay(reply)) {
            metrics.reconnect("replay-invalid");
            recovery.replayRejected(channel);
            subscribe(channel, ReplayExtension.NEW_EVENTS);
        } else {
            Log.warnf("Tenant %s: subscribing to %s failed: %s", tenantId, channel, reply.get(Message.ERROR_FIELD));
            owner.restart("subscribe-failed");
        }
    }

    private void received(String channel, Message message) {
        if (!owner.isCurrent(this)) {
            return;
        }
        owner.heard();
        StreamEvent event;
        try {
            event = ChangeEvents.parse(channel, message.getDataAsMap());
        } catch (RuntimeException e) {
            Log.errorf(e, "Tenant %s: a message on %s could not be read; restarting so it is replayed", tenantId,
                    channel);
            owner.restart("unreadable-event");
            return;
        }
        metrics.received(channel);
        // Not enough that this connection was current above: a restart may replace it before the offer.
        drain.offer(event, generation);
    }
}
