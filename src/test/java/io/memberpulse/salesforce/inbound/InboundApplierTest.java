package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.change;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static io.memberpulse.salesforce.support.InboundChanges.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field rules, echoes and unchanged values: what a Salesforce change delivers to MemberPulse. */
@QuarkusTest
@QuarkusTestResource(WebhookReceiverResource.class)
class InboundApplierTest extends InboundApplierTestSupport {

    private static final String ALL_RULES = "[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\","
            + "\"rule\":\"FROM_SALESFORCE\"},{\"memberPulseField\":\"email\",\"salesforceField\":\"Email\","
            + "\"rule\":\"TWO_WAY\"},{\"memberPulseField\":\"firstName\",\"salesforceField\":\"FirstName\","
            + "\"rule\":\"PREFER_SALESFORCE_UNLESS_BLANK\"},{\"memberPulseField\":\"lastName\",\"salesforceField\":"
            + "\"LastName\",\"rule\":\"TO_SALESFORCE\"},{\"memberPulseField\":\"membershipStatus\",\"salesforceField\":"
            + "\"MemberPulse_Membership_Status__c\",\"rule\":\"TO_SALESFORCE\"}]";


    @Test
    void fromSalesforceTakesTheValueAndRecordsItAsWritten() throws Exception {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{\"Phone\":\"111\"}", "{\"phone\":\"2026-11-02T00:00:00Z\"}");

        InboundApplier.ApplyResult result = apply(applier, tenantId, List.of(update(C1, T0,
                "Phone", "222", "Description", "not mapped")));

        assertThat(result.delivered()).isEqualTo(1);
        JsonNode body = onlyDelivery();
        assertThat(body.get("changeType").asText()).isEqualTo("member.updated");
        assertThat(body.get("memberId").asText()).isEqualTo("m1");
        assertThat(body.get("salesforceId").asText()).isEqualTo(C1);
        assertThat(body.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(body.get("fields").toString()).isEqualTo("{\"phone\":\"222\"}");
        assertThat(body.get("changedAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(body.get("deliveryId").asText()).isEqualTo(rows.deliveries().get(0).get("delivery_id"));
        assertThat(JSON.readTree(rows.link("m1").get("last_written")).get("Phone").asText()).isEqualTo("222");
    }

    @Test
    void twoWayTakesSalesforceOnlyWhenItChangedLater() throws Exception {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{}", "{\"email\":\"2026-11-01T10:00:00Z\"}");

        apply(applier, tenantId, List.of(update(C1, T0.minusSeconds(1), "Email", "older@example.com")));
        assertThat(rows.deliveries()).as("Salesforce changed before MemberPulse: MemberPulse wins").isEmpty();
        apply(applier, tenantId, List.of(update(C1, T0, "Email", "same-instant@example.com")));
        assertThat(rows.deliveries()).as("a tie goes to MemberPulse").isEmpty();

        apply(applier, tenantId, List.of(update(C1, T0.plusSeconds(1), "Email", "newer@example.com")));
        assertThat(onlyDelivery().get("fields").toString()).isEqualTo("{\"email\":\"newer@example.com\"}");
    }

    @Test
    void preferSalesforceUnlessBlankIgnoresBlanksAndToSalesforceAndStatusAreNeverTaken() throws Exception {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{}", "{}");

        apply(applier, tenantId, List.of(update(C1, T0, "FirstName", " ", "LastName", "Doe",
                "MemberPulse_Membership_Status__c", "expired")));
        apply(applier, tenantId, List.of(change("Contact", ChangeKind.UPDATE, C1, T0, null, null,
                values("FirstName", null))));
        assertThat(rows.deliveries()).isEmpty();

        apply(applier, tenantId, List.of(update(C1, T0, "FirstName", "Ada")));
        assertThat(onlyDelivery().get("fields").toString()).isEqualTo("{\"firstName\":\"Ada\"}");
    }

    @Test
    void echoesOfTheServicesOwnWritesAreDroppedAndCounted() {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{}", "{}");
        double before = echoes();

        InboundApplier.ApplyResult result = apply(applier, tenantId, List.of(change("Contact", ChangeKind.UPDATE,
                C1, T0, "com/salesforce/api/rest/62.0;client=memberpulse-test", null, values("Phone", "999"))));

        assertThat(result.echoesDropped()).isEqualTo(1);
        assertThat(rows.deliveries()).isEmpty();
        assertThat(echoes()).isEqualTo(before + 1);
        apply(applier, tenantId, List.of(change("Contact", ChangeKind.UPDATE, C1, T0,
                "com/salesforce/api/rest/62.0;client=someone-else", null, values("Phone", "999"))));
        assertThat(rows.deliveries()).as("another client's change is not an echo").hasSize(1);
    }

    @Test
    void valuesSalesforceHoldsFromUsAreDroppedAsUnchanged() {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{\"Phone\":\"111\",\"Email\":\"a@example.com\"}", "{}");

        InboundApplier.ApplyResult result = apply(applier, tenantId, List.of(update(C1, T0, "Phone", "111",
                "Email", "a@example.com")));

        assertThat(result.unchangedDropped()).isEqualTo(2);
        assertThat(result.delivered()).isZero();
        assertThat(rows.deliveries()).isEmpty();
    }

    @Test
    void applyingTheSameChangeTwiceQueuesOneDelivery() {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{}", "{}");
        SalesforceChange change = update(C1, T0, "Phone", "333");

        apply(applier, tenantId, List.of(change));
        rows.update("update member_link set last_written = '{}'::jsonb where tenant_id = ? and member_id = 'm1'",
                tenantId);
        apply(applier, tenantId, List.of(change));

        assertThat(rows.deliveries()).hasSize(1);
    }

    @Test
    void changesOfOneBatchAreDecidedInOrder() throws Exception {
        rows.settings(ALL_RULES, false);
        rows.link("m1", C1, "{}", "{}");

        apply(applier, tenantId, List.of(update(C1, T0, "Phone", "1"), update(C1, T0.plusSeconds(1), "Phone", "2"),
                update(C1, T0.plusSeconds(2), "Phone", "2")));

        assertThat(rows.deliveries()).extracting(row -> JSON.readTree(row.get("body")).get("fields").toString())
                .containsExactly("{\"phone\":\"1\"}", "{\"phone\":\"2\"}");
    }

    @Test
    void outsideATransactionNothingIsApplied() {
        rows.link("m1", C1, "{}", "{}");
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> io.quarkus.vertx.VertxContextSupport
                .subscribeAndAwait(() -> applier.apply(tenantId, List.of(update(C1, T0, "Phone", "4")))));
        assertThat(failure).as("refused: no session, no transaction").isInstanceOf(IllegalStateException.class);
        assertThat(rows.deliveries()).isEmpty();
    }

    private double echoes() {
        return dropped("echoes", "CDC");
    }

    private JsonNode onlyDelivery() throws Exception {
        assertThat(rows.deliveries()).hasSize(1);
        return json(rows.deliveries().get(0).get("body"));
    }
}
