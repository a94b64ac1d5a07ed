package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.bayeux.server.ServerTransport;
import org.cometd.server.AbstractServerTransport;

/**
 * The streaming side: retains events per org and delivers them through the real CometD server to
 * the subscribed sessions of that org only, with replay on subscribe.
 */
public final class StreamingServer {

    static final String ORG_ATTRIBUTE = "emulator.orgId";
    private static final String READY_ATTRIBUTE = "emulator.readyChannels";

    private volatile BayeuxServer bayeux;
    private volatile LocalSession sender;

    void attach(BayeuxServer server) {
        this.bayeux = server;
        this.sender = server.newLocalSession("salesforce");
        sender.handshake();
    }

    /** Appends an event to the org's retained log and delivers it live, atomically with replays. */
    void publish(EmulatedOrg org, List<String> channels, LongFunction<Map<String, Object>> data) {
        synchronized (org.events()) {
            for (EventStore.RetainedEvent event : org.events().append(channels, data)) {
                deliverLive(org, event);
            }
        }
    }

    /** Publishes a platform event on {@code /event/<name>} (sample 14). */
    public void publishPlatformEvent(EmulatedOrg org, String eventName, Map<String, Object> fields) {
        Map<String, Object> payload = Json.obj("CreatedDate", EmulatorClock.event(org.clock().now()),
                "CreatedById", org.integrationUserId());
        payload.putAll(fields);
        String uuid = UUID.randomUUID().toString();
        publish(org, List.of("/event/" + eventName), replayId -> Json.obj("schema", CdcPublisher.schemaId(eventName),
                "payload", payload, "event", Json.obj("EventUuid", uuid, "replayId", replayId)));
    }

    /** Sends retained events after {@code from} to a session that just subscribed, then goes live. */
    void replay(EmulatedOrg org, ServerSession session, String channel, long from) {
        synchronized (org.events()) {
            for (EventStore.RetainedEvent event : org.events().after(channel, from)) {
                session.deliver(sender, channel, event.data(), Promise.noop());
            }
            readyChannels(session).add(channel);
        }
    }

    void unsubscribed(ServerSession session, String channel) {
        readyChannels(session).remove(channel);
    }

    /** The server forgets every client; their next request gets {@code 403::Unknown client}. */
    public void dropAllClients() {
        BayeuxServer server = bayeux;
        if (server == null) {
            return;
        }
        for (ServerSession session : server.getSessions()) {
            if (!session.isLocalSession()) {
                server.removeSession(session);
            }
        }
    }

    /**
     * The server ends every client's session with a {@code /meta/disconnect} (API 64.0+: Hyperforce
     * scaling, reference §4.5); clients must reconnect and subscribe again.
     */
    public void disconnectAllClients() {
        BayeuxServer server = bayeux;
        if (server == null) {
            return;
        }
        for (ServerSession session : server.getSessions()) {
            if (!session.isLocalSession()) {
                session.disconnect();
            }
        }
    }

    /** Remote CometD sessions of an org currently known to the server. */
    public long clients(String orgId) {
        BayeuxServer server = bayeux;
        return server == null ? 0 : server.getSessions().stream()
                .filter(s -> orgId.equals(s.getAttribute(ORG_ATTRIBUTE))).count();
    }

    /** Long-poll hold ({@code advice.timeout}), client wait between connects, and reconnect window. */
    public void setTimeouts(Duration hold, Duration interval, Duration maxInterval) {
        for (ServerTransport transport : ((org.cometd.server.BayeuxServerImpl) bayeux).getTransports()) {
            AbstractServerTransport t = (AbstractServerTransport) transport;
            t.setTimeout(hold.toMillis());
            t.setInterval(interval.toMillis());
            t.setMaxInterval(maxInterval.toMillis());
        }
    }

    private void deliverLive(EmulatedOrg org, EventStore.RetainedEvent event) {
        BayeuxServer server = bayeux;
        ServerChannel channel = server == null ? null : server.getChannel(event.channel());
        if (channel == null) {
            return;
        }
        for (ServerSession session : channel.getSubscribers()) {
            if (org.orgId().equals(session.getAttribute(ORG_ATTRIBUTE))
                    && readyChannels(session).contains(event.channel())) {
                session.deliver(sender, event.channel(), event.data(), Promise.noop());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> readyChannels(ServerSession session) {
        synchronized (session) {
            Object ready = session.getAttribute(READY_ATTRIBUTE);
            if (ready == null) {
                ready = ConcurrentHashMap.newKeySet();
                session.setAttribute(READY_ATTRIBUTE, ready);
            }
            return (Set<String>) ready;
        }
    }
}
