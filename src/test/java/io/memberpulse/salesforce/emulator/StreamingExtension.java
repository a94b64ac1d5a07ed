package io.memberpulse.salesforce.emulator;

import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;

/**
 * Salesforce's CometD behaviour on top of the CometD server (reference §4, samples 9-10): bearer
 * token on handshake and every connect/subscribe, {@code ext.replay} in the handshake reply, replay
 * id validation, per-org sessions, and Salesforce's error strings.
 */
final class StreamingExtension implements BayeuxServer.Extension, BayeuxServer.SubscriptionListener {

    static final String AUTH_INVALID = "401::Authentication invalid";
    static final String REPLAY_INVALID = "400::The replayId {%s} you provided was invalid.  Please provide a valid"
            + " ID, -2 to replay all events, or -1 to replay only new events.";

    private final SalesforceEmulator emulator;

    StreamingExtension(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
        String channel = message.getChannel();
        if (session != null && session.isLocalSession()) {
            return true;
        }
        if (Channel.META_HANDSHAKE.equals(channel)) {
            return handshake(session, message);
        }
        if ((Channel.META_CONNECT.equals(channel) || Channel.META_SUBSCRIBE.equals(channel)) && session != null) {
            Optional<String> org = orgOf(message);
            if (org.isEmpty() || !org.get().equals(session.getAttribute(StreamingServer.ORG_ATTRIBUTE))) {
                return fail(message, AUTH_INVALID, Map.of("reconnect", "none", "interval", 0), null);
            }
            if (Channel.META_SUBSCRIBE.equals(channel)) {
                return subscribe(org.get(), message);
            }
        }
        return true;
    }

    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if ("402::session_unknown".equals(message.get(org.cometd.bayeux.Message.ERROR_FIELD))) {
            message.put(org.cometd.bayeux.Message.ERROR_FIELD, "403::Unknown client");
            message.put(org.cometd.bayeux.Message.ADVICE_FIELD, Json.obj("interval", 0, "reconnect", "handshake"));
        }
        if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()) {
            message.getExt(true).put("replay", true);
            message.getExt(true).put("payload.format", true);
            message.put("reestablish", false);
        }
        return true;
    }

    @Override
    public void subscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
        String orgId = (String) session.getAttribute(StreamingServer.ORG_ATTRIBUTE);
        if (orgId != null) {
            emulator.findOrg(orgId).ifPresent(org ->
                    emulator.streaming().replay(org, session, channel.getId(), replayFrom(message, channel.getId())));
        }
    }

    @Override
    public void unsubscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
        emulator.streaming().unsubscribed(session, channel.getId());
    }

    private boolean handshake(ServerSession session, ServerMessage.Mutable message) {
        String header = message.getBayeuxContext() == null ? null
                : message.getBayeuxContext().getHeader("Authorization");
        Optional<String> org = orgOf(message);
        if (org.isEmpty()) {
            String reason = header == null ? "401::Request requires authentication" : AUTH_INVALID;
            return fail(message, "403::Handshake denied", Map.of("reconnect", "none"), reason);
        }
        session.setAttribute(StreamingServer.ORG_ATTRIBUTE, org.get());
        return true;
    }

    private boolean subscribe(String orgId, ServerMessage.Mutable message) {
        Object subscription = message.get(org.cometd.bayeux.Message.SUBSCRIPTION_FIELD);
        if (!(subscription instanceof String)) {
            return true;
        }
        String channel = (String) subscription;
        EmulatedOrg org = emulator.findOrg(orgId).orElseThrow();
        if (!StreamingChannels.exists(org, channel)) {
            return fail(message, "400::The channel you requested to subscribe to doesn't exist " + channel,
                    null, null);
        }
        long from = replayFrom(message, channel);
        if (!org.events().isValidReplayFrom(channel, from)) {
            return fail(message, String.format(REPLAY_INVALID, from), null, null);
        }
        return true;
    }

    private Optional<String> orgOf(ServerMessage message) {
        String header = message.getBayeuxContext() == null ? null
                : message.getBayeuxContext().getHeader("Authorization");
        return emulator.tokens().orgForAccessToken(HttpSupport.bearer(header));
    }

    /** The replay id the subscriber asked for this channel; -1 (new events only) when absent. */
    static long replayFrom(ServerMessage message, String channel) {
        Map<String, Object> ext = message.getExt();
        Object replay = ext == null ? null : ext.get("replay");
        if (replay instanceof Map) {
            Object id = ((Map<?, ?>) replay).get(channel);
            if (id instanceof Number) {
                return ((Number) id).longValue();
            }
            if (id != null) {
                return Long.parseLong(id.toString());
            }
        }
        return -1;
    }

    /** Makes the reply unsuccessful with Salesforce's error, and stops CometD from processing the request. */
    private static boolean fail(ServerMessage.Mutable request, String error, Map<String, Object> advice,
            String failureReason) {
        ServerMessage.Mutable reply = request.getAssociated();
        reply.put(org.cometd.bayeux.Message.ERROR_FIELD, error);
        reply.setSuccessful(false);
        if (advice != null) {
            reply.put(org.cometd.bayeux.Message.ADVICE_FIELD, new java.util.LinkedHashMap<>(advice));
        }
        if (failureReason != null) {
            reply.getExt(true).put("sfdc", Json.obj("failureReason", failureReason));
        }
        Object subscription = request.get(org.cometd.bayeux.Message.SUBSCRIPTION_FIELD);
        if (subscription != null) {
            reply.put(org.cometd.bayeux.Message.SUBSCRIPTION_FIELD, subscription);
        }
        ((ServerMessageImpl) reply).setHandled(true);
        return false;
    }
}
