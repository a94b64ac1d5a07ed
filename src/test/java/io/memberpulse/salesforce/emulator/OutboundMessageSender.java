package io.memberpulse.salesforce.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends Outbound Messages the way Salesforce does (reference §6): SOAP 1.1, at most 100
 * notifications, retried with exponential backoff until the endpoint answers 2xx with
 * {@code <Ack>true</Ack>} or the message is too old. Salesforce backs off up to 2 h for 24 h;
 * the defaults here are short for tests and configurable.
 */
public final class OutboundMessageSender {

    public static final int MAX_NOTIFICATIONS = 100;

    private final SalesforceEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<OutboundDelivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService executor = newExecutor();
    private volatile Duration initialDelay = Duration.ofMillis(100);
    private volatile Duration maxDelay = Duration.ofHours(2);
    private volatile Duration giveUpAfter = Duration.ofHours(24);

    OutboundMessageSender(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    /** Backoff: first retry after {@code initial}, doubling up to {@code max}; dropped after {@code giveUpAfter}. */
    public OutboundMessageSender retryPolicy(Duration initial, Duration max, Duration giveUp) {
        this.initialDelay = initial;
        this.maxDelay = max;
        this.giveUpAfter = giveUp;
        return this;
    }

    /** Posts one message with a notification per record (each needs {@code Id}); retries until acknowledged. */
    public OutboundDelivery send(String url, String orgId, String objectType, List<Map<String, Object>> records,
            String sessionId) {
        if (records.isEmpty() || records.size() > MAX_NOTIFICATIONS) {
            throw new IllegalArgumentException("an outbound message carries 1 to 100 notifications");
        }
        List<String> ids = new ArrayList<>();
        records.forEach(r -> ids.add(SalesforceIds.newId("04l")));
        String envelope = OutboundEnvelope.build(emulator.org(orgId).orgId(), SalesforceIds.newId("04k"), sessionId,
                emulator.baseUrl(), emulator.latestApiVersion(), objectType, ids, records);
        OutboundDelivery delivery = new OutboundDelivery(url, envelope, ids);
        deliveries.add(delivery);
        Instant deadline = Instant.now().plus(giveUpAfter);
        executor.execute(() -> attempt(delivery, 0, deadline));
        return delivery;
    }

    public List<OutboundDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void reset() {
        executor.shutdownNow();
        deliveries.clear();
        executor = newExecutor();
        initialDelay = Duration.ofMillis(100);
        maxDelay = Duration.ofHours(2);
        giveUpAfter = Duration.ofHours(24);
    }

    private void attempt(OutboundDelivery delivery, int retries, Instant deadline) {
        OutboundDelivery.Attempt attempt = post(delivery);
        delivery.record(attempt);
        if (attempt.acknowledged()) {
            delivery.finish(true);
            return;
        }
        long delay = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(retries, 30));
        if (Instant.now().plusMillis(delay).isAfter(deadline)) {
            delivery.finish(false);
            return;
        }
        executor.schedule(() -> attempt(delivery, retries + 1, deadline), delay, TimeUnit.MILLISECONDS);
    }

    private OutboundDelivery.Attempt post(OutboundDelivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("User-Agent", "Jakarta Commons-HttpClient/3.1")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.envelope()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() / 100 == 2
                    && response.body().replaceAll("\\s", "").matches(".*<([A-Za-z0-9_]+:)?Ack>true</.*");
            return new OutboundDelivery.Attempt(response.statusCode(), ok, null);
        } catch (java.io.IOException e) {
            return new OutboundDelivery.Attempt(0, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OutboundDelivery.Attempt(0, false, e.toString());
        }
    }

    private static ScheduledExecutorService newExecutor() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "salesforce-emulator-outbound");
            t.setDaemon(true);
            return t;
        });
    }
}
