package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.CpuMeter;
import io.memberpulse.salesforce.support.WebhookReceiver;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #5's CDC benchmark (BENCHMARKS.md): change events from the emulator's CometD server to
 * acknowledged webhook deliveries. (1) 10,000 events published at once: events/s end to end, and
 * events/s applied (replay id stored); (2) 300 events at a steady 20/s: latency from the
 * Salesforce commit to the webhook's acknowledgement, p50/p95; (3) 10,000 events queued while the
 * subscriber is stopped: time from its restart until all are delivered. Prints its figures;
 * asserts only correctness. Run: {@code ./mvnw -B test -Pbenchmark -Dtest=CdcBenchmark}.
 */
@QuarkusTest
@TestProfile(CdcTestProfile.class)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookReceiverResource.class, restrictToAnnotatedClass = true)
@Tag("benchmark")
class CdcBenchmark {

    static final int MEMBERS = 200;
    static final int BURST = 10_000;
    static final int PACED = 300;
    static final int PACED_RATE = 20;

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    Subscriptions subscriptions;

    final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    volatile boolean watching = true;
    int seen;

    @Test
    void cdcEventsToAcknowledgedWebhookDeliveries() throws Exception {
        WebhookReceiver receiver = WebhookReceiverResource.receiver();
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        CdcTenant tenant = new CdcTenant(emulator, database, MEMBERS).awaitSubscribed();
        Thread watcher = new Thread(() -> watch(receiver, tenant.id()), "delivery-watcher");
        watcher.start();

        CpuMeter cpu = new CpuMeter(database).start();
        long burstStart = System.nanoTime();
        publish(tenant, 0, BURST, 0);
        long published = System.nanoTime();
        long applied = awaitApplied(tenant);
        Log.infof("CDC benchmark 1: %d events published in %d ms; all applied (replay id stored with their effects) "
                + "after %d ms = %.0f events/s", BURST, millis(burstStart, published), millis(burstStart, applied),
                BURST * 1000.0 / millis(burstStart, applied));
        awaitDelivered(BURST);
        long delivered = System.nanoTime();
        Log.infof("CDC benchmark 1: all %d acknowledged by the webhook after %d ms = %.0f events/s end to end", BURST,
                millis(burstStart, delivered), BURST * 1000.0 / millis(burstStart, delivered));
        Log.infof("CDC benchmark 1: CPU %s", CpuMeter.describe(cpu.stop(), BURST));

        publish(tenant, BURST, PACED, PACED_RATE);
        awaitDelivered(BURST + PACED);
        List<Long> latencies = latencies(BURST, BURST + PACED);
        Log.infof("CDC benchmark 2: latency Salesforce commit -> webhook acknowledged at %d events/s: p50 %d ms, "
                + "p95 %d ms, max %d ms", PACED_RATE, percentile(latencies, 50), percentile(latencies, 95),
                latencies.get(latencies.size() - 1));

        subscriptions.halt(true).await().atMost(Duration.ofSeconds(10));
        publish(tenant, BURST + PACED, BURST, 0);
        cpu.start();
        long restart = System.nanoTime();
        subscriptions.resume();
        subscriptions.wake();
        long reapplied = awaitApplied(tenant);
        Log.infof("CDC benchmark 3: restarted subscriber applied %d queued events in %d ms (%.0f events/s)", BURST,
                millis(restart, reapplied), BURST * 1000.0 / millis(restart, reapplied));
        awaitDelivered(2 * BURST + PACED);
        long caughtUp = System.nanoTime();
        Log.infof("CDC benchmark 3: ... and all acknowledged by the webhook after %d ms (%.0f events/s)",
                millis(restart, caughtUp), BURST * 1000.0 / millis(restart, caughtUp));
        Log.infof("CDC benchmark 3: CPU %s", CpuMeter.describe(cpu.stop(), BURST));
        watching = false;
        watcher.join();

        assertThat(deliveredAt).hasSize(2 * BURST + PACED);
        assertThat(receiver.duplicatesAcknowledged()).isZero();
    }

    private long awaitApplied(CdcTenant tenant) {
        long lastReplayId = tenant.org.events().lastReplayId();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Long.valueOf(lastReplayId).equals(tenant.position(CdcSubscriber.CONTACTS)));
        return System.nanoTime();
    }

    /** Round robin over the members, one LastName change each; {@code rate} 0 = as fast as possible. */
    private void publish(CdcTenant tenant, int from, int count, int rate) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int k = from + i;
            if (rate > 0) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
            }
            String value = "v" + k;
            publishedAt.put(value, System.nanoTime());
            tenant.org.userUpdate("Contact", tenant.contacts.get(k % MEMBERS), Map.of("LastName", value));
        }
    }

    /**
     * Notes when each value was first acknowledged by the receiver. Reads only what arrived since its
     * last look: copying and filtering every delivery so far each 2 ms took a seventh of the JVM's CPU
     * samples away from the service it measures.
     */
    private void watch(WebhookReceiver receiver, String tenantId) {
        while (watching) {
            List<JsonNode> delivered = receiver.deliveredSince(seen);
            long now = System.nanoTime();
            for (JsonNode body : delivered) {
                String value = body.path("fields").path("lastName").asText();
                // Only this benchmark's tenant and edits; the first catch-up's deliveries carry other fields.
                if (tenantId.equals(body.path("tenantId").asText()) && value.startsWith("v")) {
                    deliveredAt.putIfAbsent(value, now);
                }
            }
            seen += delivered.size();
            LockSupport.parkNanos(2_000_000);
        }
    }

    private void awaitDelivered(int count) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> deliveredAt.size() >= count);
    }

    private List<Long> latencies(int from, int to) {
        List<Long> latencies = new ArrayList<>();
        for (int k = from; k < to; k++) {
            latencies.add((deliveredAt.get("v" + k) - publishedAt.get("v" + k)) / 1_000_000);
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long millis(long from, long to) {
        return Math.max(1, (to - from) / 1_000_000);
    }
}
