package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.WebhookReceiver;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #5's fault test: 10,000 change events published while the emulator drops the CometD client
 * every 1,000 events, every token expires once, the subscribing replica dies and another one
 * starts, a second replica tries to subscribe all along, and the stored replay id becomes invalid
 * once (the events of the outage expire). Every change reaches the webhook exactly once per member,
 * in order; changes that expired before they were applied arrive as their final values through the
 * catch-up; none of the service's own writes come back.
 */
@QuarkusTest
@TestProfile(CdcLaggingProfile.class)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = WebhookReceiverResource.class, restrictToAnnotatedClass = true)
class CdcFaultTest {

    static final int EVENTS = 10_000;
    static final int MEMBERS = 100;
    static final int KILL_AT = 5_000;
    static final int EXPIRE_AT = 6_000;

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriberParts parts;

    @Inject
    MeterRegistry metrics;

    final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    final Set<Replica> ticking = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final Map<String, Long> replayIds = new HashMap<>();
    long appliedAtExpiry;

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        subscriptions.resume();
    }

    @Test
    void tenThousandEventsThroughDropsExpiryCrashSecondReplicaAndAnInvalidReplayId() throws Exception {
        WebhookReceiver receiver = WebhookReceiverResource.receiver();
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        subscriptions.halt(true).await().atMost(Duration.ofSeconds(10));
        CdcTenant tenant = new CdcTenant(emulator, database, MEMBERS);
        Replica first = new Replica("replica-a", parts);
        Replica second = new Replica("replica-c", parts);
        Replica restarted = new Replica("replica-b", parts);
        ticker.scheduleWithFixedDelay(() -> tickAll(tenant.id()), 0, 500, TimeUnit.MILLISECONDS);
        ticking.add(first);
        tenant.awaitSubscribed();

        Map<String, List<String>> published = new HashMap<>();
        long started = System.nanoTime();
        for (int k = 0; k < EVENTS; k++) {
            if (k > 0 && k % 1_000 == 0) {
                emulator.faults().dropCometdClients();
            }
            if (k == 2_000) {
                ticking.add(second);
            }
            if (k == 3_500) {
                emulator.faults().expireAllSessions();
            }
            if (k == 3_700) {
                receiver.failNext(50);
            }
            if (k == KILL_AT) {
                // The subscribing replica dies (no lease release); the second one is held back so the
                // events of the outage can expire before anyone resubscribes.
                ticking.clear();
                first.abandon();
                second.abandon();
            }
            if (k == EXPIRE_AT) {
                // What the dead replica had applied; later events of the outage expire with it.
                appliedAtExpiry = tenant.position(CdcSubscriber.CONTACTS);
                tenant.org.events().expireAll();
                ticking.add(second);
                ticking.add(restarted);
                // Changes made while the new subscription is being set up are covered by the catch-up
                // as final values; wait for it so the rest of the stream is checked change by change.
                await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(-1).equals(
                        tenant.position(CdcSubscriber.CONTACTS)));
            }
            publish(tenant, k, published);
        }
        Log.infof("Fault test: %d events published in %d ms", EVENTS, (System.nanoTime() - started) / 1_000_000);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> allFinalValuesDelivered(receiver, tenant, published));

        Map<String, List<String>> delivered = deliveredLastNames(receiver, tenant);
        for (int m = 0; m < MEMBERS; m++) {
            String member = tenant.tenant.member(m);
            List<String> versions = delivered.get(member);
            List<String> sent = published.get(member);
            assertThat(sent).as("member %s: delivered in order", member).containsSubsequence(versions);
            assertThat(versions).as("member %s: no change twice", member).doesNotHaveDuplicates();
            List<String> outsideOutage = sent.stream()
                    .filter(v -> replayIds.get(v) <= appliedAtExpiry || version(v) >= EXPIRE_AT).toList();
            List<String> missing = outsideOutage.stream().filter(v -> !versions.contains(v)).toList();
            if (!missing.isEmpty()) {
                CdcFaultDiagnostics.report(tenant, metrics, member, tenant.contacts.get(m), missing);
            }
            assertThat(missing).as("member %s: every change except those that expired unapplied", member).isEmpty();
            assertThat(versions.get(versions.size() - 1)).isEqualTo(sent.get(sent.size() - 1));
        }
        assertThat(receiver.delivered(tenant.id()).toString()).doesNotContain("echo-");
        assertThat(overlaps.get()).as("ticks on which two replicas held the subscription").isZero();
        assertThat(resendsOfAcknowledgedDeliveries(receiver)).as("resends of deliveries acknowledged before")
                .isZero();
    }

    /** Round robin over the members; every tenth event before 4,000 is the service's own write (an echo). */
    private void publish(CdcTenant tenant, int k, Map<String, List<String>> published) {
        int m = k % MEMBERS;
        String contact = tenant.contacts.get(m);
        if (k < 4_000 && k % 10 == 5) {
            tenant.org.userUpdate("Contact", contact, Map.of("LastName", "echo-" + k),
                    "com/salesforce/api/rest/62.0;client=memberpulse-test");
            return;
        }
        String value = "v" + k;
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", value));
        replayIds.put(value, tenant.org.events().lastReplayId());
        published.computeIfAbsent(tenant.tenant.member(m), x -> new ArrayList<>()).add(value);
    }

    private void tickAll(String tenantId) {
        int holding = 0;
        for (Replica replica : List.copyOf(ticking)) {
            try {
                replica.tick().await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                Log.warnf("Tick of %s failed: %s", replica.holder(), e.getMessage());
            }
            holding += replica.tenants().contains(tenantId) ? 1 : 0;
        }
        if (holding > 1) {
            overlaps.incrementAndGet();
        }
    }

    private static boolean allFinalValuesDelivered(WebhookReceiver receiver, CdcTenant tenant,
            Map<String, List<String>> published) {
        Map<String, List<String>> delivered = deliveredLastNames(receiver, tenant);
        return published.entrySet().stream().allMatch(e -> {
            List<String> got = delivered.getOrDefault(e.getKey(), List.of());
            return !got.isEmpty() && got.get(got.size() - 1).equals(e.getValue().get(e.getValue().size() - 1));
        });
    }

    private static Map<String, List<String>> deliveredLastNames(WebhookReceiver receiver, CdcTenant tenant) {
        Map<String, List<String>> byMember = new HashMap<>();
        for (JsonNode body : receiver.delivered(tenant.id())) {
            if (body.path("fields").has("lastName")) {
                byMember.computeIfAbsent(body.path("memberId").asText(), x -> new ArrayList<>())
                        .add(body.path("fields").path("lastName").asText());
            }
        }
        return byMember;
    }

    /**
     * Deliveries the receiver acknowledged more than once. A delivery is only resent while it is
     * unacknowledged (a 500, a crash before the acknowledgement was recorded); zero here means every
     * duplicate attempt the receiver saw was a retry of an unacknowledged one.
     */
    private static long resendsOfAcknowledgedDeliveries(WebhookReceiver receiver) {
        return receiver.duplicatesAcknowledged();
    }

    private static int version(String value) {
        return Integer.parseInt(value.substring(1));
    }
}
