package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.memberpulse.salesforce.support.WebhookReceiver;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inbound core alone (see BENCHMARKS.md): 10,000 changes of 2,000 members applied in
 * transactions of 100 (as a CDC batch arrives), until every delivery is acknowledged by the local
 * receiver; then 200 single changes, each timed from its commit to its arrival at the receiver.
 * Prints its figures; asserts only correctness. Run: {@code ./mvnw test -Pbenchmark
 * -Dtest=InboundDeliveryBenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(WebhookReceiverResource.class)
@Tag("benchmark")
class InboundDeliveryBenchmark {

    static final int MEMBERS = 2_000;
    static final int CHANGES_PER_MEMBER = 5;
    static final int BATCH = 100;
    static final int SINGLES = 200;

    @Inject
    InboundApplier applier;

    @Inject
    AgroalDataSource database;

    @Test
    void tenThousandChangesThenSingleChangeLatency() {
        String tenantId = TestTokens.newTenantId();
        InboundRows rows = new InboundRows(database, tenantId);
        rows.settings("[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\",\"rule\":\"FROM_SALESFORCE\"}]",
                false);
        for (int m = 0; m < MEMBERS; m++) {
            rows.link("m" + m, contact(m), "{}", "{}");
        }
        WebhookReceiver receiver = WebhookReceiverResource.receiver();
        receiver.reset();
        Instant t0 = Instant.now();

        List<SalesforceChange> batch = new ArrayList<>();
        for (int c = 0; c < CHANGES_PER_MEMBER; c++) {
            for (int m = 0; m < MEMBERS; m++) {
                batch.add(update(contact(m), t0.plusSeconds(c), "Phone", "v" + c));
                if (batch.size() == BATCH) {
                    apply(applier, tenantId, batch);
                    batch = new ArrayList<>();
                }
            }
        }
        Duration applied = Duration.between(t0, Instant.now());
        int total = MEMBERS * CHANGES_PER_MEMBER;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> receiver.delivered(tenantId).size() == total);
        Duration delivered = Duration.between(t0, Instant.now());
        assertInOrder(receiver.delivered(tenantId));

        List<Long> latencies = singles(tenantId, receiver);
        Collections.sort(latencies);
        System.out.printf("INBOUND BENCHMARK: %d changes applied in %d ms (%.0f/s); all acknowledged after %d ms "
                + "(%.0f/s end to end); single change commit->webhook p50 %d ms, p95 %d ms, max %d ms%n", total,
                applied.toMillis(), total * 1000.0 / applied.toMillis(), delivered.toMillis(),
                total * 1000.0 / delivered.toMillis(), latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() * 95 / 100), latencies.get(latencies.size() - 1));
    }

    private List<Long> singles(String tenantId, WebhookReceiver receiver) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SINGLES; i++) {
            // Counts, not copies of every delivery so far: polled each millisecond, copying 10,000 bodies
            // would take the CPU the measured path needs. Only this tenant delivers in this benchmark.
            int before = receiver.deliveredCount();
            long start = System.nanoTime();
            apply(applier, tenantId, List.of(update(contact(i), Instant.now(), "Phone", "single " + i)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> receiver.deliveredCount() > before);
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        return latencies;
    }

    private static void assertInOrder(List<JsonNode> delivered) {
        Map<String, List<String>> byMember = delivered.stream().collect(Collectors.groupingBy(
                body -> body.get("memberId").asText(), Collectors.mapping(
                        body -> body.get("fields").get("phone").asText(), Collectors.toList())));
        assertThat(byMember).hasSize(MEMBERS).allSatisfy((member, phones) -> assertThat(phones)
                .containsExactly("v0", "v1", "v2", "v3", "v4"));
    }

    private static String contact(int i) {
        return String.format("003%012dBEN", i);
    }
}
