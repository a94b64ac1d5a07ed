package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Posts one delivery, signed, and tells how it went: acknowledged (2xx) or not, with a sentence for
 * the sync log. Never fails: every answer and every transport error becomes an outcome, because the
 * queue decides about retries, not this call. An attempt ends after {@code send-timeout} at the latest,
 * waiting for a pooled connection included, so a claim's chain knows when its last send can end.
 */
@ApplicationScoped
class WebhookClient {

    /** How one attempt went: {@code error} (what happened) and {@code hint} (what to do) null when acknowledged. */
    record Outcome(boolean acknowledged, String error, String hint) {

        static Outcome of(WebhookFailures failure) {
            return new Outcome(false, failure.error(), failure.hint());
        }
    }

    private static final Outcome ACKNOWLEDGED = new Outcome(true, null, null);

    private final WebhookApi api;
    private final WebhookConfig config;

    WebhookClient(@RestClient WebhookApi api, WebhookConfig config) {
        this.api = api;
        this.config = config;
    }

    /** Why deliveries cannot be sent now, if they cannot (no URL or no secret configured). */
    Optional<String> notReady() {
        if (config.url().filter(url -> !url.isBlank()).isEmpty()) {
            return Optional.of("memberpulse.webhook.url (MEMBERPULSE_WEBHOOK_URL) is not set: inbound changes wait");
        }
        if (config.secret().filter(secret -> !secret.isBlank()).isEmpty()) {
            return Optional.of("memberpulse.webhook.secret (MEMBERPULSE_WEBHOOK_SECRET) is not set: inbound "
                    + "changes wait");
        }
        return Optional.empty();
    }

    Uni<Outcome> send(String deliveryId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(config.secret().orElseThrow(), bytes);
        return api.deliver(signature, deliveryId, bytes)
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(WebhookClient::outcome)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> outcome(((WebApplicationException) failure).getResponse()))
                .onFailure(WebhookClient::isTransport)
                .recoverWithItem(failure -> Outcome.of(WebhookFailures.unreachable(failure)));
    }

    private static Outcome outcome(Response response) {
        int status = response.getStatus();
        response.close();
        return status / 100 == 2 ? ACKNOWLEDGED : Outcome.of(WebhookFailures.answered(status));
    }

    private static boolean isTransport(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof java.io.IOException
                || failure instanceof TimeoutException || failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof io.vertx.core.VertxException;
    }
}
