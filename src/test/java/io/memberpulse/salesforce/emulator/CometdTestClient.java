package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * The real CometD Java client (long polling, Jackson JSON) set up like a Salesforce subscriber:
 * {@code Authorization: Bearer <token>} (or {@code OAuth <token>}) on every request and the replay extension.
 */
final class CometdTestClient implements AutoCloseable {

    final BlockingQueue<Message> events = new LinkedBlockingQueue<>();
    final List<Message> handshakeReplies = new CopyOnWriteArrayList<>();
    final List<Message> connectReplies = new CopyOnWriteArrayList<>();
    private final Map<String, Long> replay = new ConcurrentHashMap<>();
    private final HttpClient httpClient = new HttpClient();
    private final BayeuxClient client;
    private volatile String token;
    private volatile String scheme = "Bearer";

    CometdTestClient(String baseUrl, String version, String token) throws Exception {
        this.token = token;
        httpClient.start();
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
        options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, 15000);
        JettyHttpClientTransport transport = new JettyHttpClientTransport(options, httpClient) {
            @Override
            protected void customize(Request request) {
                request.headers(h -> h.put("Authorization", scheme + " " + CometdTestClient.this.token));
            }
        };
        client = new BayeuxClient(baseUrl + "/cometd/" + version, transport);
        client.addExtension(new ReplayExtension());
        client.getChannel(Channel.META_HANDSHAKE).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> handshakeReplies.add(message));
        client.getChannel(Channel.META_CONNECT).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> connectReplies.add(message));
    }

    /** The Authorization scheme: {@code Bearer} (default) or {@code OAuth} as Camel and jsforce send it. */
    CometdTestClient scheme(String authorizationScheme) {
        this.scheme = authorizationScheme;
        return this;
    }

    void token(String newToken) {
        this.token = newToken;
    }

    boolean handshake() {
        client.handshake(Map.of("ext", Map.of("replay", true)));
        client.waitFor(5000, BayeuxClient.State.CONNECTED, BayeuxClient.State.DISCONNECTED);
        return client.isConnected();
    }

    /** Subscribes with the given replay id and returns the subscribe reply. */
    Message subscribe(String channel, long replayId) throws Exception {
        replay.put(channel, replayId);
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).subscribe((ch, message) -> events.add(message), reply::complete);
        return reply.get(5, TimeUnit.SECONDS);
    }

    Message nextEvent(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    BayeuxClient bayeux() {
        return client;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> header(Message event) {
        Map<String, Object> payload = (Map<String, Object>) event.getDataAsMap().get("payload");
        return (Map<String, Object>) payload.get("ChangeEventHeader");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Message event) {
        return (Map<String, Object>) event.getDataAsMap().get("payload");
    }

    @SuppressWarnings("unchecked")
    static long replayId(Message event) {
        return ((Number) ((Map<String, Object>) event.getDataAsMap().get("event")).get("replayId")).longValue();
    }

    @Override
    public void close() throws Exception {
        client.disconnect(200);
        httpClient.stop();
    }

    /** Sends the replay map on subscribe, like EMP-Connector's ReplayExtension. */
    private final class ReplayExtension implements ClientSession.Extension {
        @Override
        public boolean sendMeta(ClientSession session, Message.Mutable message) {
            if (Channel.META_SUBSCRIBE.equals(message.getChannel())) {
                message.getExt(true).put("replay", new HashMap<>(replay));
            }
            return true;
        }
    }
}
