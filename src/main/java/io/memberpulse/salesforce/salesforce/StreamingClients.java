package io.memberpulse.salesforce.salesforce;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.cometd.client.transport.ClientTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.client.HttpClient;

/**
 * Makes CometD connections to Salesforce Streaming (Change Data Capture, platform events) with the
 * real CometD Java client: long polling only, Jackson JSON, bearer authentication per tenant,
 * Salesforce's replay extension. One Jetty HTTP client serves every tenant.
 */
@ApplicationScoped
public class StreamingClients {

    /** Salesforce holds a connect up to 110 s; allow for that plus network time. */
    static final long MAX_NETWORK_DELAY_MS = 130_000;
    /** Salesforce's recommended receive buffer for event batches: 10 MB. */
    static final int MAX_BUFFER_BYTES = 10 * 1024 * 1024;

    private final SalesforceConfig config;
    private volatile HttpClient http;

    StreamingClients(SalesforceConfig config) {
        this.config = config;
    }

    /** A connection to the org of the session, not yet handshaken, resuming channels from {@code replayFrom}. */
    public StreamingConnection connect(AccessToken session, Map<String, Long> replayFrom) {
        String url = session.instanceUrl() + "/cometd/" + config.apiVersion();
        // CometD writes into the options map, so it must be mutable.
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
        options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, MAX_NETWORK_DELAY_MS);
        options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, MAX_BUFFER_BYTES);
        return new StreamingConnection(url, httpClient(), options, session, new ReplayExtension(replayFrom));
    }

    private HttpClient httpClient() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = start(new HttpClient());
                }
                current = http;
            }
        }
        return current;
    }

    private static HttpClient start(HttpClient client) {
        try {
            client.setName("salesforce-streaming");
            client.start();
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("The CometD HTTP client could not start", e);
        }
    }

    @PreDestroy
    void stop() {
        if (http != null) {
            try {
                http.stop();
            } catch (Exception e) {
                Log.debugf("Stopping the CometD HTTP client failed: %s", e.getMessage());
            }
        }
    }
}
