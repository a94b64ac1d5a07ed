package io.memberpulse.salesforce.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.inbound.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * MemberPulse core's webhook as tests need it: a Vert.x HTTP server on a random local port that
 * checks the {@code X-MemberPulse-Signature} of every request against the exact body bytes, records
 * every attempt, de-duplicates by {@code deliveryId} like the real receiver, and fails requests on
 * demand (500) to exercise retries. Thread-safe.
 */
public final class WebhookReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received; {@code status} is what the receiver answered. */
    public record Attempt(String deliveryId, JsonNode body, String signature, boolean signatureValid, int status) {
    }

    private final Vertx vertx = new VertxBuilder(new VertxOptions()).threadFactory(new NamedThreads()).init().vertx();
    private final String secret;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<JsonNode> accepted = new ArrayList<>();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile Predicate<JsonNode> failWhen = body -> false;
    private HttpServer server;

    private WebhookReceiver(String secret) {
        this.secret = secret;
    }

    /** Starts a receiver on a free port that verifies signatures with {@code secret}. */
    public static WebhookReceiver start(String secret) {
        WebhookReceiver receiver = new WebhookReceiver(secret);
        try {
            receiver.server = receiver.vertx.createHttpServer().requestHandler(receiver::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The webhook receiver did not start", e);
        }
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/webhooks/salesforce";
    }

    /** Answers the next {@code n} requests with 500, whatever they carry. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Answers 500 to every request whose body matches, until changed. */
    public void failWhen(Predicate<JsonNode> predicate) {
        failWhen = predicate;
    }

    /** Forgets every request and every failure rule. */
    public synchronized void reset() {
        attempts.clear();
        accepted.clear();
        acceptedIds.clear();
        failNext.set(0);
        failWhen = body -> false;
    }

    /** Every request, in arrival order. */
    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The bodies acknowledged with 2xx for the first time (de-duplicated by deliveryId), in arrival order. */
    public synchronized List<JsonNode> delivered() {
        return List.copyOf(accepted);
    }

    /**
     * The bodies first acknowledged after the first {@code from} ones, in arrival order: what a watcher
     * polling in a loop reads without copying everything it has already seen.
     */
    public synchronized List<JsonNode> deliveredSince(int from) {
        return List.copyOf(accepted.subList(Math.min(from, accepted.size()), accepted.size()));
    }

    /** How many bodies were acknowledged for the first time, all tenants together. */
    public synchronized int deliveredCount() {
        return accepted.size();
    }

    /** Delivered bodies of one tenant. */
    public List<JsonNode> delivered(String tenantId) {
        return delivered().stream().filter(body -> tenantId.equals(body.path("tenantId").asText()))
                .collect(Collectors.toList());
    }

    /** Requests acknowledged although their deliveryId was acknowledged before (resends the receiver absorbed). */
    public synchronized long duplicatesAcknowledged() {
        return attempts.stream().filter(a -> a.status() == 200).count() - accepted.size();
    }

    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> answer(request, buffer));
    }

    private void answer(HttpServerRequest request, Buffer buffer) {
        byte[] bytes = buffer.getBytes();
        String signature = request.getHeader("X-MemberPulse-Signature");
        boolean valid = WebhookSignature.sign(secret, bytes).equals(signature);
        JsonNode body = parse(bytes);
        int status = !valid ? 401 : shouldFail(body) ? 500 : 200;
        synchronized (this) {
            String id = body.path("deliveryId").asText();
            attempts.add(new Attempt(id, body, signature, valid, status));
            if (status == 200 && acceptedIds.add(id)) {
                accepted.add(body);
            }
        }
        request.response().setStatusCode(status).end();
    }

    private boolean shouldFail(JsonNode body) {
        if (failWhen.test(body)) {
            return true;
        }
        return failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
    }

    /** Threads named "webhook-receiver-...", so benchmarks can tell the receiver's CPU from the service's. */
    private static final class NamedThreads implements VertxThreadFactory {

        @Override
        public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                TimeUnit maxExecTimeUnit) {
            return new VertxThread(target, "webhook-receiver-" + name, worker, maxExecTime, maxExecTimeUnit);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparseable", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
