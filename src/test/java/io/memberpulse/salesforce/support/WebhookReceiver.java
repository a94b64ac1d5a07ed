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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * MemberPulse core's webhook as tests need it: a Vert.x HTTP server on a random local port that
 * checks the {@code X-MemberPulse-Signature} of every request against the exact body bytes, records
 * every attempt, de-duplicates by delivery id like the real receiver, and fails requests on demand
 * (500) to exercise retries. Thread-safe.
 *
 * <p>It runs in the test's JVM, on the same two cores as the service it measures, so a request costs
 * it no more than a real endpoint's would: one event loop, the signature check, and bookkeeping. It
 * de-duplicates by the {@code X-MemberPulse-Delivery} header and parses a body only when a test reads
 * it (or a {@link #failWhen} rule needs it); reading a body whose {@code deliveryId} differs from that
 * header fails the reading test, so de-duplication by the body's id is still what is checked.
 */
public final class WebhookReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received; {@code status} is what the receiver answered. */
    public record Attempt(String deliveryId, JsonNode body, String signature, boolean signatureValid, int status) {
    }

    private final Vertx vertx = new VertxBuilder(new VertxOptions().setEventLoopPoolSize(1))
            .threadFactory(new NamedThreads()).init().vertx();
    private final String secret;
    private final List<Received> attempts = new ArrayList<>();
    private final List<Received> accepted = new ArrayList<>();
    private final Set<String> acceptedIds = new HashSet<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile Predicate<JsonNode> failWhen;
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
        failWhen = null;
    }

    /** Every request, in arrival order. */
    public synchronized List<Attempt> attempts() {
        return attempts.stream().map(Received::attempt).collect(Collectors.toList());
    }

    /** The bodies acknowledged with 2xx for the first time (de-duplicated by deliveryId), in arrival order. */
    public synchronized List<JsonNode> delivered() {
        return bodies(accepted);
    }

    /**
     * The bodies first acknowledged after the first {@code from} ones, in arrival order: what a watcher
     * polling in a loop reads without copying everything it has already seen.
     */
    public synchronized List<JsonNode> deliveredSince(int from) {
        return bodies(accepted.subList(Math.min(from, accepted.size()), accepted.size()));
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
        return attempts.stream().filter(a -> a.status == 200).count() - accepted.size();
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
        String id = String.valueOf(request.getHeader("X-MemberPulse-Delivery"));
        boolean valid = WebhookSignature.sign(secret, bytes).equals(signature);
        Received received = new Received(id, bytes, signature, valid);
        received.status = !valid ? 401 : shouldFail(received) ? 500 : 200;
        synchronized (this) {
            attempts.add(received);
            if (received.status == 200 && acceptedIds.add(id)) {
                accepted.add(received);
            }
        }
        request.response().setStatusCode(received.status).end();
    }

    private boolean shouldFail(Received received) {
        Predicate<JsonNode> rule = failWhen;
        if (rule != null && rule.test(received.body())) {
            return true;
        }
        return failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
    }

    private static List<JsonNode> bodies(List<Received> received) {
        List<JsonNode> bodies = new ArrayList<>(received.size());
        for (Received one : received) {
            bodies.add(one.checkedBody());
        }
        return bodies;
    }

    /** A request as it arrived; its body is parsed once, when first needed. */
    private static final class Received {

        final String deliveryId;
        final byte[] bytes;
        final String signature;
        final boolean valid;
        volatile int status;
        private JsonNode body;

        Received(String deliveryId, byte[] bytes, String signature, boolean valid) {
            this.deliveryId = deliveryId;
            this.bytes = bytes;
            this.signature = signature;
            this.valid = valid;
        }

        synchronized JsonNode body() {
            if (body == null) {
                body = parse(bytes);
            }
            return body;
        }

        /** The body of an acknowledged request, whose header id the receiver de-duplicated by. */
        JsonNode checkedBody() {
            String inBody = body().path("deliveryId").asText();
            if (!deliveryId.equals(inBody)) {
                throw new IllegalStateException("X-MemberPulse-Delivery " + deliveryId + " differs from the body's "
                        + "deliveryId " + inBody);
            }
            return body();
        }

        Attempt attempt() {
            return new Attempt(body().path("deliveryId").asText(), body(), signature, valid, status);
        }
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
            return JSON.createObjectNode().put("unparseable", new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
