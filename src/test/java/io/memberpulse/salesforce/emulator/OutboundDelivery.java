package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One Outbound Message in flight: its envelope, every attempt's status, and the outcome. */
public final class OutboundDelivery {

    /** One POST: HTTP status (0 when no response) and whether the body acknowledged. */
    public record Attempt(int status, boolean acknowledged, String error) {
    }

    private final String url;
    private final String envelope;
    private final List<String> notificationIds;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

    OutboundDelivery(String url, String envelope, List<String> notificationIds) {
        this.url = url;
        this.envelope = envelope;
        this.notificationIds = List.copyOf(notificationIds);
    }

    public String url() {
        return url;
    }

    /** The SOAP body posted on every attempt. */
    public String envelope() {
        return envelope;
    }

    /** The {@code 04l...} notification ids, one per record. */
    public List<String> notificationIds() {
        return notificationIds;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    /** True once an attempt got {@code <Ack>true</Ack>}. */
    public boolean acknowledged() {
        return outcome.getNow(false);
    }

    /** Waits for the outcome: true when acknowledged, false when given up. */
    public boolean await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void record(Attempt attempt) {
        attempts.add(attempt);
    }

    void finish(boolean acked) {
        outcome.complete(acked);
    }
}
