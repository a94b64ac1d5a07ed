package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.Faults;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.OutboundDelivery;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: a Contact changed in the emulator, the emulator's Outbound Message sender (with
 * Salesforce's retries) posting to the URL the admin copied, the worker reading the record back
 * with queryAll and the applier queuing the webhook delivery; and what Salesforce's failures do.
 */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class OutboundMessageProcessingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    ConnectedTenant tenant;
    InboundRows rows;
    EmulatedOrg org;
    String url;
    String member;
    String contactId;

    @BeforeEach
    void linkedContact() {
        tenant = new ConnectedTenant(emulator, database, true);
        rows = new InboundRows(database, tenant.id);
        org = emulator.defaultOrg();
        as(tenant.admin).post(connectionPath(tenant.id) + "/test").then().statusCode(200);
        url = as(tenant.admin).get(connectionPath(tenant.id)).then().extract().path("outboundMessageUrl");
        member = tenant.member(1);
        contactId = org.userCreate("Contact", Map.of("FirstName", "Ann", "LastName", "Lee",
                "Email", member + "@example.com", "Phone", "555-0100", "MemberPulse_Id__c", member));
        rows.link(member, contactId, "{\"FirstName\":\"Ann\",\"LastName\":\"Lee\",\"Phone\":\"555-0100\","
                + "\"Email\":\"" + member + "@example.com\"}", "{\"firstName\":\"2020-01-01T00:00:00Z\"}");
        emulator.outboundMessages().retryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
        emulator.callLog().reset();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void aContactChangedInSalesforceBecomesAQueuedWebhookDelivery() throws Exception {
        org.userUpdate("Contact", contactId, Map.of("FirstName", "Annie"));

        OutboundDelivery delivery = send();
        assertThat(delivery.await(PATIENCE)).isTrue();
        awaitAllDone(1);

        List<Map<String, String>> deliveries = rows.deliveries();
        assertThat(deliveries).hasSize(1);
        JsonNode body = JSON.readTree(deliveries.get(0).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.updated");
        assertThat(body.get("memberId").asText()).isEqualTo(member);
        assertThat(body.get("salesforceId").asText()).isEqualTo(contactId);
        assertThat(body.get("fields").toString()).isEqualTo("{\"firstName\":\"Annie\"}");
        assertThat(emulator.callLog().count("queryAll")).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(WebhookReceiverResource.receiver()
                .delivered(tenant.id)).singleElement()
                .satisfies(delivered -> assertThat(delivered.get("fields").toString())
                        .isEqualTo("{\"firstName\":\"Annie\"}")));
        assertThat(emulator.callLog().count("query")).isZero();

        // Salesforce delivers at least once: the same message again is acknowledged and changes nothing.
        String replay = delivery.envelope();
        OutboundMessageEndpointTest.post(url, replay).then().statusCode(200);
        Thread.sleep(1000);
        assertThat(rows.deliveries()).hasSize(1);
        assertThat(StoredNotifications.statuses(database, tenant.id)).hasSize(1);
    }

    @Test
    void aDeletedContactUnlinksTheMember() throws Exception {
        org.userDelete(contactId);

        assertThat(send().await(PATIENCE)).isTrue();
        awaitAllDone(1);

        assertThat(rows.deliveries()).singleElement()
                .satisfies(row -> assertThat(row.get("change_type")).isEqualTo("member.unlinked"));
    }

    @Test
    void aSalesforceOutageIsRetriedWithBackoff() throws Exception {
        org.userUpdate("Contact", contactId, Map.of("FirstName", "Annie"));
        emulator.faults().outage(Duration.ofSeconds(3), Faults.OutageMode.HTTP_503);

        assertThat(send().await(PATIENCE)).as("the Ack does not wait for Salesforce").isTrue();
        awaitAllDone(1);

        assertThat(rows.deliveries()).hasSize(1);
        assertThat(StoredNotifications.query(database, "select attempts::text from outbound_message_notification "
                + "where tenant_id = ?", tenant.id)).singleElement()
                .satisfies(attempts -> assertThat(Integer.parseInt(attempts)).isGreaterThan(1));
    }

    @Test
    void rejectedCredentialsHoldTheNotificationsUntilAnAdminReconnects() throws Exception {
        org.userUpdate("Contact", contactId, Map.of("FirstName", "Annie"));
        as(tenant.admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", "a-wrong-secret", "myDomainUrl", emulator.baseUrl(), "autoSync", true))
                .put(connectionPath(tenant.id)).then().statusCode(200);

        assertThat(send().await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> "RECONNECT_NEEDED".equals(as(tenant.admin).get(connectionPath(tenant.id))
                .then().extract().path("state")));
        assertThat(StoredNotifications.statuses(database, tenant.id)).singleElement()
                .satisfies(status -> assertThat(status).endsWith("PENDING"));
        assertThat(rows.deliveries()).isEmpty();

        tenant.autoSync(true);
        awaitAllDone(1);
        assertThat(rows.deliveries()).hasSize(1);
    }

    @Test
    void aQuerySalesforceRefusesFailsTheNotificationsIntoTheSyncLog() throws Exception {
        rows.settings("[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Missing_Field__c\","
                + "\"rule\":\"FROM_SALESFORCE\"}]", false);

        assertThat(send().await(PATIENCE)).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(StoredNotifications.statuses(database, tenant.id))
                .singleElement().satisfies(status -> assertThat(status).endsWith(" FAILED")));

        assertThat(rows.syncLog()).singleElement().satisfies(line -> {
            assertThat(line.get("operation")).isEqualTo("OUTBOUND_MESSAGE");
            assertThat(line.get("outcome")).isEqualTo("FAILED");
            assertThat(line.get("salesforce_id")).isEqualTo(contactId);
            assertThat(line.get("error_message")).contains("Missing_Field__c");
        });
        assertThat(rows.deliveries()).isEmpty();
    }

    private OutboundDelivery send() {
        return emulator.outboundMessages().send(url, org.orgId(), "Contact",
                List.of(Map.of("Id", contactId, "LastName", "Lee")), null);
    }

    private void awaitAllDone(int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(StoredNotifications.statuses(database, tenant.id))
                .hasSize(count).allMatch(status -> status.endsWith(" DONE")));
    }
}
