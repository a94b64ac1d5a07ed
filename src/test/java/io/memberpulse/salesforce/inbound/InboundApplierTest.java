package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field rules, echoes and unchanged values: what a Salesforce change delivers to MemberPulse. */
@QuarkusTest
class InboundApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Inject
    InboundApplier applier;

    @Inject
    AgroalDataSource database;

    String tenantId;
    InboundRows rows;

    @BeforeEach
    void tenant() {
        tenantId = TestTokens.newTenantId();
        rows = new InboundRows(database, tenantId);
    }

    @Test
    void fromSalesforceTakesTheValueAndRecordsItAsWritten() throws Exception {
        rows.settings("[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\",\"rule\":\"FROM_SALESFORCE\"}]",
                false);
        rows.link("m1", "003000000000001AAA", "{\"Phone\":\"111\"}", "{\"phone\":\"2026-11-02T00:00:00Z\"}");

        InboundApplier.ApplyResult result = apply(applier, tenantId, List.of(update("003000000000001AAA", T0,
                "Phone", "222", "Email", "not-mapped@example.com")));

        assertThat(result.delivered()).isEqualTo(1);
        List<Map<String, String>> deliveries = rows.deliveries();
        assertThat(deliveries).hasSize(1);
        JsonNode body = JSON.readTree(deliveries.get(0).get("body"));
        assertThat(body.get("changeType").asText()).isEqualTo("member.updated");
        assertThat(body.get("memberId").asText()).isEqualTo("m1");
        assertThat(body.get("salesforceId").asText()).isEqualTo("003000000000001AAA");
        assertThat(body.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(body.get("fields").toString()).isEqualTo("{\"phone\":\"222\"}");
        assertThat(body.get("changedAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(body.get("deliveryId").asText()).isEqualTo(deliveries.get(0).get("delivery_id"));
        assertThat(JSON.readTree(rows.link("m1").get("last_written")).get("Phone").asText()).isEqualTo("222");
    }
}
