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

/** Deletes, merges and Contacts linked to no member. */
@QuarkusTest
@QuarkusTestResource(WebhookReceiverResource.class)
class InboundLinkChangesTest extends InboundApplierTestSupport {

    private static final String LOSER = "003000000000001AAA";
    private static final String WINNER = "003000000000002AAA";
    private static final String MAPPING = "[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\","
            + "\"rule\":\"TWO_WAY\"},{\"memberPulseField\":\"email\",\"salesforceField\":\"Email\","
            + "\"rule\":\"TO_SALESFORCE\"}]";

    @Test
    void aDeletedContactUnlinksItsMember() throws Exception {
        rows.link("m1", LOSER, "{}", "{}");

        InboundApplier.ApplyResult result = apply(applier, tenantId, List.of(change("Contact", ChangeKind.DELETE,
                LOSER, T0, null, null, values())));

        assertThat(result.unlinked()).isEqualTo(1);
        assertThat(rows.link("m1")).isEmpty();
        JsonNode body = JSON.readTree(rows.deliveries().get(0).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.unlinked");
        assertThat(body.get("memberId").asText()).isEqualTo("m1");
        assertThat(body.get("salesforceId").asText()).isEqualTo(LOSER);
    }

    @Test
    void anUndeletedContactIsRelinkedToTheMemberItsExternalIdNames() throws Exception {
        rows.settings(MAPPING, false);
        rows.link("m1", LOSER, "{}", "{}");
        apply(applier, tenantId, List.of(change("Contact", ChangeKind.DELETE, LOSER, T0, null, null, values())));
        assertThat(rows.link("m1")).isEmpty();

        apply(applier, tenantId, List.of(change("Contact", ChangeKind.UNDELETE, LOSER, T0.plusSeconds(5), null, null,
                values("MemberPulse_Id__c", "m1", "Phone", "7", "LastName", "Restored"))));

        assertThat(rows.link("m1").get("salesforce_id")).isEqualTo(LOSER);
        JsonNode body = JSON.readTree(rows.deliveries().get(1).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.relinked");
        assertThat(body.get("memberId").asText()).isEqualTo("m1");
        assertThat(body.get("fields").toString()).isEqualTo("{\"phone\":\"7\"}");
    }

    @Test
    void aMergeRepointsTheLinkToTheWinner() throws Exception {
        rows.link("m1", LOSER, "{\"Phone\":\"1\"}", "{}");

        apply(applier, tenantId, List.of(change("Contact", ChangeKind.DELETE, LOSER, T0, null, WINNER, values())));

        assertThat(rows.link("m1").get("salesforce_id")).isEqualTo(WINNER);
        JsonNode body = JSON.readTree(rows.deliveries().get(0).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.relinked");
        assertThat(body.get("salesforceId").asText()).isEqualTo(WINNER);
        apply(applier, tenantId, List.of(update(WINNER, T0, "Phone", "2")));
        assertThat(rows.deliveries()).as("the winner's changes now reach the member").hasSize(2);
    }

    @Test
    void aContactLinkedToNoMemberIsLoggedAndNotOfferedWithoutOptIn() {
        rows.settings(MAPPING, false);

        apply(applier, tenantId, List.of(update(LOSER, T0, "Phone", "5")));

        assertThat(rows.deliveries()).isEmpty();
        assertThat(rows.syncLog()).singleElement().satisfies(line -> {
            assertThat(line.get("operation")).isEqualTo("INBOUND_CHANGE");
            assertThat(line.get("outcome")).isEqualTo("SKIPPED");
            assertThat(line.get("salesforce_id")).isEqualTo(LOSER);
            assertThat(line.get("member_id")).isNull();
            assertThat(line.get("error_message")).contains("linked to no member");
        });
    }

    @Test
    void aContactLinkedToNoMemberIsOfferedWhenTheTenantOptedIn() throws Exception {
        rows.settings(MAPPING, true);

        apply(applier, tenantId, List.of(update(LOSER, T0, "Phone", "5", "Email", "x@example.com")));

        JsonNode body = JSON.readTree(rows.deliveries().get(0).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.unlinked_contact");
        assertThat(body.get("memberId").isNull()).isTrue();
        assertThat(body.get("fields").toString()).as("only fields Salesforce may send").isEqualTo("{\"phone\":\"5\"}");
        // The webhook sender may already have logged the delivery; the change itself is one line.
        assertThat(rows.syncLog()).filteredOn(line -> "INBOUND_CHANGE".equals(line.get("operation"))).hasSize(1);
    }
}
