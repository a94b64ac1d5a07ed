package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes missed while nothing listened (updates, deletes, merges) are found with queryAll and applied once. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class CatchUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = "[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\","
            + "\"rule\":\"FROM_SALESFORCE\"},{\"memberPulseField\":\"lastName\",\"salesforceField\":\"LastName\","
            + "\"rule\":\"TO_SALESFORCE\"}]";

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    CatchUp catchUp;

    ConnectedTenant tenant;
    InboundRows rows;
    EmulatedOrg salesforceOrg;

    @BeforeEach
    void connectedTenant() {
        tenant = new ConnectedTenant(emulator, database, true);
        rows = new InboundRows(database, tenant.id);
        rows.settings(MAPPING, false);
        salesforceOrg = emulator.defaultOrg();
    }

    @Test
    void missedUpdatesDeletesAndMergesAreAppliedOnceAndTheWatermarkAdvances() throws Throwable {
        Map<String, String> contacts = missedChanges();
        Instant since = emulator.clock().now().minusSeconds(30);

        CatchUp.CatchUpResult first = run(since);

        assertThat(first.examined()).isGreaterThanOrEqualTo(4);
        Map<String, List<String>> byMember = deliveries().stream().collect(Collectors.groupingBy(
                body -> body.get("memberId").asText(), Collectors.mapping(
                        body -> body.get("changeType").asText() + " " + body.get("salesforceId").asText() + " "
                                + body.get("fields"), Collectors.toList())));
        assertThat(byMember.get(tenant.member(1))).containsExactly("member.updated " + contacts.get("updated")
                + " {\"phone\":\"+1 555 0101\"}");
        assertThat(byMember.get(tenant.member(2))).containsExactly("member.unlinked " + contacts.get("deleted") + " {}");
        // The merge deletes the loser (relink) and touches the winner, whose values now reach the member.
        assertThat(byMember.get(tenant.member(3))).contains("member.relinked " + contacts.get("winner") + " {}");
        assertThat(first.applied()).isEqualTo(rows.deliveries().size());
        assertThat(rows.link(tenant.member(2))).isEmpty();
        assertThat(rows.link(tenant.member(3)).get("salesforce_id")).isEqualTo(contacts.get("winner"));
        assertThat(rows.query("select watermark from inbound_watermark where tenant_id = ? and object_type = 'Contact'",
                tenant.id)).hasSize(1);

        CatchUp.CatchUpResult again = run(since);
        assertThat(again.applied()).as("a second catch-up over the same window applies nothing").isZero();
        assertThat(rows.deliveries()).hasSize(first.applied());
    }

    @Test
    void aWakeUpReconcilesAndShowsItsFindingsInStatusAndTheSyncLog() {
        rows.update("update salesforce_connection set state = 'CONNECTED' where tenant_id = ?", tenant.id);
        missedChanges();

        given().auth().oauth2("test-internal-token").contentType(ContentType.JSON).body("{}")
                .post("/internal/wake-up").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.query("select 1 from reconciliation_run where "
                + "tenant_id = ? and last_run_at is not null", tenant.id).size() == 1);
        as(tenant.admin).get("/api/v1/tenants/" + tenant.id + "/salesforce/status").then().statusCode(200)
                .body("inbound.lastReconciliation.applied", Matchers.greaterThanOrEqualTo(3))
                .body("inbound.lastReconciliation.examined", Matchers.greaterThanOrEqualTo(3))
                .body("inbound.lastReconciliation.error", Matchers.nullValue())
                .body("inbound.webhook.problem", Matchers.nullValue());
        assertThat(rows.syncLog()).anySatisfy(line -> {
            assertThat(line.get("operation")).isEqualTo("RECONCILIATION");
            assertThat(line.get("outcome")).isEqualTo("SUCCESS");
            assertThat(line.get("error_message")).containsPattern("applied [34] missed changes");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> WebhookReceiverResource.receiver().delivered(tenant.id)
                .size() == rows.deliveries().size());
    }

    /** Four linked Contacts; then, with nobody listening: an edit, a delete and a merge. */
    private Map<String, String> missedChanges() {
        String[] ids = new String[5];
        for (int i = 1; i <= 4; i++) {
            ids[i] = salesforceOrg.seed("Contact", Map.of("LastName", "Member " + i, "MemberPulse_Id__c", tenant.member(i)));
            rows.link(tenant.member(i), ids[i], "{}", "{}");
        }
        salesforceOrg.userUpdate("Contact", ids[1], Map.of("Phone", "+1 555 0101"));
        salesforceOrg.userDelete(ids[2]);
        salesforceOrg.merge(ids[4], ids[3]);
        rows.update("delete from member_link where tenant_id = ? and member_id = ?", tenant.id, tenant.member(4));
        return Map.of("updated", ids[1], "deleted", ids[2], "winner", ids[4]);
    }

    private CatchUp.CatchUpResult run(Instant since) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> catchUp.catchUp(tenant.id, "Contact", since,
                ChangeSource.CATCH_UP));
    }

    private List<JsonNode> deliveries() {
        return rows.deliveries().stream().map(row -> {
            try {
                return JSON.readTree(row.get("body"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }
}
