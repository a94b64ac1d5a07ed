package io.memberpulse.salesforce.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link WebhookReceiver} for a {@code @QuarkusTest} run and points
 * {@code memberpulse.webhook.url} at it; the service signs with the test profile's
 * {@code memberpulse.webhook.secret}. Reach it with {@link #receiver()}.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    /** The test profile's webhook secret (application.properties, %test). */
    public static final String SECRET = "test-only-webhook-secret";

    private static volatile WebhookReceiver current;

    /** The receiver of the running test resource (null when none runs). */
    public static WebhookReceiver receiver() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = WebhookReceiver.start(SECRET);
        return Map.of("memberpulse.webhook.url", current.url());
    }

    @Override
    public void stop() {
        WebhookReceiver receiver = current;
        current = null;
        if (receiver != null) {
            receiver.stop();
        }
    }
}
