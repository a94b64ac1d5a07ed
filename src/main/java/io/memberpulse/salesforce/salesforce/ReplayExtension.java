package io.memberpulse.salesforce.salesforce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;

/**
 * Salesforce's durable streaming extension: asks for replay on handshake, and on every subscribe
 * says where each channel resumes (-1 new events only, -2 everything retained, or the last
 * processed replay id). The subscriber advances the positions as it stores events.
 */
public final class ReplayExtension implements ClientSession.Extension {

    /** Resume with events published from now on. */
    public static final long NEW_EVENTS = -1L;
    /** Resume with every event still retained (72 hours for change events). */
    public static final long ALL_RETAINED = -2L;

    private static final String EXT_REPLAY = "replay";

    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean supported;

    public ReplayExtension(Map<String, Long> from) {
        positions.putAll(from);
    }

    /** Where the channel resumes on its next subscription. */
    public void advance(String channel, long replayId) {
        positions.put(channel, replayId);
    }

    public long position(String channel) {
        return positions.getOrDefault(channel, NEW_EVENTS);
    }

    /** Whether the server confirmed replay support in its handshake reply. */
    public boolean isSupported() {
        return supported;
    }

    @Override
    public boolean rcvMeta(ClientSession session, Message.Mutable message) {
        if (Channel.META_HANDSHAKE.equals(message.getChannel())) {
            Map<String, Object> ext = message.getExt(false);
            supported = ext != null && Boolean.TRUE.equals(ext.get(EXT_REPLAY));
        }
        return true;
    }

    @Override
    public boolean sendMeta(ClientSession session, Message.Mutable message) {
        String channel = message.getChannel();
        if (Channel.META_HANDSHAKE.equals(channel)) {
            message.getExt(true).put(EXT_REPLAY, Boolean.TRUE);
        } else if (Channel.META_SUBSCRIBE.equals(channel) && supported) {
            String subscription = (String) message.get(Message.SUBSCRIPTION_FIELD);
            message.getExt(true).put(EXT_REPLAY, Map.of(subscription, position(subscription)));
        }
        return true;
    }
}
