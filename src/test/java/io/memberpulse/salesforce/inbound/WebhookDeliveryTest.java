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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries reach the webhook signed, once, in order per member, through failures and crashes. */
@QuarkusTest
@QuarkusTestResource(WebhookReceiverResource.class)
class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String MAPPING = "[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\","
            + "\"rule\":\"FROM_SALESFORCE\"}]";

    @Inject
    InboundApplier applier;

    @Inject
    AgroalDataSource database;

    String tenantId;
    InboundRows rows;
    WebhookReceiver receiver;

    @BeforeEach
    void tenant() {
        tenantId = TestTokens.newTenantId();
        rows = new InboundRows(database, tenantId);
        rows.settings(MAPPING, false);
        receiver = WebhookReceiverResource.receiver();
        receiver.reset();
    }

    @AfterEach
    void healthyReceiver() {
        receiver.reset();
    }

    @Test
    void theBodyIsSignedWithAnHmacOfItsExactBytes() {
        rows.link("m1", contact(1), "{}", "{}");

        apply(applier, tenantId, List.of(update(contact(1), T0, "Phone", "+1 555 0100 ü")));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.delivered(tenantId).size() == 1);
        WebhookReceiver.Attempt attempt = receiver.attempts().stream()
                .filter(a -> tenantId.equals(a.body().path("tenantId").asText())).findFirst().orElseThrow();
        String stored = rows.deliveries().get(0).get("body");
        assertThat(attempt.signatureValid()).isTrue();
        assertThat(attempt.signature()).isEqualTo(WebhookSignature.sign(WebhookReceiverResource.SECRET,
                stored.getBytes(StandardCharsets.UTF_8))).matches("sha256=[0-9a-f]{64}");
        assertThat(attempt.body().get("fields").get("phone").asText()).isEqualTo("+1 555 0100 ü");
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(rows.deliveries().get(0).get("status")));
        assertThat(rows.syncLog()).anySatisfy(line -> {
            assertThat(line.get("operation")).isEqualTo("WEBHOOK_DELIVERY");
            assertThat(line.get("outcome")).isEqualTo("SUCCESS");
            assertThat(line.get("member_id")).isEqualTo("m1");
        });
    }

    @Test
    void eachMembersChangesArriveInOrderAndOnceDespiteFailures() {
        int members = 20;
        int changes = 8;
        for (int m = 0; m < members; m++) {
            rows.link("m" + m, contact(m), "{}", "{}");
        }
        Random random = new Random(42);
        receiver.failWhen(body -> tenantId.equals(body.path("tenantId").asText()) && random.nextInt(3) == 0);

        for (int c = 0; c < changes; c++) {
            List<SalesforceChange> batch = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                batch.add(update(contact(m), T0.plusSeconds(c), "Phone", "v" + c));
            }
            apply(applier, tenantId, batch);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.delivered(tenantId).size() == members * changes);
        Map<String, List<String>> byMember = receiver.delivered(tenantId).stream().collect(Collectors.groupingBy(
                body -> body.get("memberId").asText(), Collectors.mapping(
                        body -> body.get("fields").get("phone").asText(), Collectors.toList())));
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < changes; c++) {
            expected.add("v" + c);
        }
        assertThat(byMember).hasSize(members).allSatisfy((member, phones) -> assertThat(phones)
                .as("member %s", member).containsExactlyElementsOf(expected));
        assertThat(receiver.duplicatesAcknowledged()).as("nothing acknowledged was sent again").isZero();
        assertThat(receiver.attempts().stream().filter(a -> a.status() == 500).count()).isPositive();
        assertThat(rows.syncLog()).anySatisfy(line -> {
            assertThat(line.get("outcome")).isEqualTo("FAILED");
            assertThat(line.get("error_message")).contains("HTTP 500");
        });
    }

    @Test
    void aDeliveryClaimedByAReplicaThatDiedIsResentWithItsIdAndTheNextWaitsForIt() throws Exception {
        rows.link("m1", contact(1), "{}", "{}");
        rows.update("insert into webhook_delivery (delivery_id, tenant_id, order_key, member_id, salesforce_id, "
                + "change_type, body, dedupe_key, source, changed_at, status, attempts, claimed_until) values "
                + "('11111111-1111-1111-1111-111111111111', ?, 'member:m1', 'm1', ?, 'member.updated', ?, 'crash-1', "
                + "'CDC', now(), 'IN_FLIGHT', 1, now() + interval '2 seconds')", tenantId, contact(1),
                "{\"deliveryId\":\"11111111-1111-1111-1111-111111111111\",\"tenantId\":\"" + tenantId
                        + "\",\"memberId\":\"m1\",\"salesforceId\":\"" + contact(1) + "\",\"changeType\":"
                        + "\"member.updated\",\"fields\":{\"phone\":\"first\"},\"changedAt\":\"2026-11-01T09:00:00Z\"}");

        apply(applier, tenantId, List.of(update(contact(1), T0, "Phone", "second")));

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.delivered(tenantId).size() == 2);
        List<JsonNode> delivered = receiver.delivered(tenantId);
        assertThat(delivered.get(0).get("deliveryId").asText()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(delivered).extracting(body -> body.get("fields").get("phone").asText())
                .containsExactly("first", "second");
        assertThat(rows.deliveries().get(0).get("attempts")).isEqualTo("2");
    }

    private static String contact(int i) {
        return String.format("003%012dAAA", i);
    }
}
