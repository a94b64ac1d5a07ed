package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.MemberEvents;
import io.memberpulse.salesforce.support.WebhookReceiver;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both directions together: no sync loop, and the unlinked-Contact setting through the settings API. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class InboundRoundTripTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    InboundApplier applier;

    ConnectedTenant tenant;
    InboundRows rows;
    WebhookReceiver receiver;

    @BeforeEach
    void connectedTenant() {
        tenant = new ConnectedTenant(emulator, database, true);
        rows = new InboundRows(database, tenant.id);
        receiver = WebhookReceiverResource.receiver();
    }

    @Test
    void aValueDeliveredToMemberPulseAndSentBackIsNeverWrittenToSalesforceAgain() {
        String member = tenant.member(0);
        MemberEvents events = new MemberEvents(database, tenant.id);
        events.upserted(member, "{\"email\":\"loop@example.com\",\"lastName\":\"Loop\",\"phone\":\"+1 555 0100\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> !rows.link(member).isEmpty());
        assertThat(rows.link(member).get("field_times")).as("MemberPulse's change time of each written field")
                .contains("\"phone\"");
        String contactId = rows.link(member).get("salesforce_id");

        emulator.defaultOrg().userUpdate("Contact", contactId, Map.of("Phone", "+1 555 0199"));
        apply(applier, tenant.id, List.of(update(contactId, Instant.now(), "Phone", "+1 555 0199")));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered(tenant.id).size() == 1);
        JsonNode delivered = receiver.delivered(tenant.id).get(0);
        assertThat(delivered.get("fields").toString()).isEqualTo("{\"phone\":\"+1 555 0199\"}");

        emulator.callLog().reset();
        events.upserted(member, "{\"email\":\"loop@example.com\",\"lastName\":\"Loop\",\"phone\":\"+1 555 0199\"}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> tenant.count(
                "select count(*) from member_event where tenant_id = ? and planned_at is null") == 0
                && tenant.count("select count(*) from outbox_item where tenant_id = ? and status <> 'DONE'") == 0);

        assertThat(emulator.callLog().count("collections.upsert")).as("nothing written back").isZero();
        assertThat(emulator.callLog().countPrefix("sobject.")).isZero();
        assertThat(emulator.defaultOrg().record(contactId).get("Phone")).isEqualTo("+1 555 0199");
        assertThat(receiver.delivered(tenant.id)).hasSize(1);
    }

    @Test
    void theUnlinkedContactOptInIsPartOfTheFieldMappingDocument() {
        String path = "/api/v1/tenants/" + tenant.id + "/salesforce/field-mappings";
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("externalIdField", "MemberPulse_Id__c");
        doc.put("fields", List.of(Map.of("memberPulseField", "phone", "salesforceField", "Phone",
                "rule", "from_salesforce")));
        doc.put("offerUnlinkedContacts", true);
        as(tenant.admin).body(doc).put(path).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200),
                equalTo(201))).body("offerUnlinkedContacts", equalTo(true));
        as(tenant.admin).get(path).then().statusCode(200).body("offerUnlinkedContacts", equalTo(true));

        apply(applier, tenant.id, List.of(update("003000000000009ZZZ", Instant.now(), "Phone", "+1 555 0123")));

        assertThat(rows.deliveries()).singleElement()
                .satisfies(row -> assertThat(row.get("change_type")).isEqualTo("member.unlinked_contact"));
    }
}
