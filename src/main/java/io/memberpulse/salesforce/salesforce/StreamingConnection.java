package io.memberpulse.salesforce.salesforce;

import java.util.concurrent.atomic.AtomicReference;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

/**
 * One tenant's CometD (long-polling) connection to Salesforce Streaming: the Bayeux client, the
 * bearer token it sends on every request (replaceable after re-authentication), and its replay
 * positions. Callbacks run on Jetty threads: hop onto a Vert.x context before touching the database.
 */
public final class StreamingConnection {

    private final BayeuxClient client;
    private final ReplayExtension replay;
    private final AtomicReference<String> bearer;

    StreamingConnection(String url, HttpClient http, java.util.Map<String, Object> options, AccessToken token,
            ReplayExtension replay) {
        this.bearer = new AtomicReference<>(token.bearer());
        this.replay = replay;
        this.client = new BayeuxClient(url, new BearerTransport(options, http, bearer));
        this.client.addExtension(replay);
    }

    /** The Bayeux client: handshake, subscribe, listen to meta channels, disconnect. */
    public BayeuxClient client() {
        return client;
    }

    public ReplayExtension replay() {
        return replay;
    }

    /** Uses a new session from the next request on (after {@code 401::Authentication invalid}). */
    public void useToken(AccessToken token) {
        bearer.set(token.bearer());
    }

    /** Salesforce expects the session on every CometD request, as an Authorization header. */
    private static final class BearerTransport extends JettyHttpClientTransport {
        private final AtomicReference<String> bearer;

        BearerTransport(java.util.Map<String, Object> options, HttpClient http, AtomicReference<String> bearer) {
            super(options, http);
            this.bearer = bearer;
        }

        @Override
        protected void customize(Request request) {
            super.customize(request);
            request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION, bearer.get()));
        }
    }
}
