package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MemberPulse core's webhook cannot be reached (nothing listens at the configured URL, which carries
 * credentials): the sync log says so in a sentence an operator can act on, and shows neither the URL,
 * its credentials nor the transport's own error text. The delivery stays queued for its retries.
 */
@QuarkusTest
@TestProfile(WebhookUnreachableTest.NothingListens.class)
class WebhookUnreachableTest {

    static final String USER = "webhook-operator";
    static final String PASSWORD = "pa55-never-logged";
    static final int PORT = freePort();

    /** The webhook URL points at a port nothing listens on, with credentials in it. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memberpulse.webhook.url",
                    "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + PORT + "/webhooks/salesforce");
        }
    }

    @Inject
    InboundApplier applier;

    @Inject
    AgroalDataSource database;

    String tenantId;

    @Test
    void theSyncLogSaysTheWebhookIsUnreachableAndWhatToCheckWithoutTheUrl() {
        tenantId = TestTokens.newTenantId();
        InboundRows rows = new InboundRows(database, tenantId);
        rows.settings("[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\",\"rule\":\"FROM_SALESFORCE\"}]",
                false);
        rows.link("m1", "003000000000001UNR", "{}", "{}");

        apply(applier, tenantId, List.of(update("003000000000001UNR", Instant.now(), "Phone", "+1 555 0199")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !failures(rows).isEmpty());
        Map<String, String> line = failures(rows).get(0);
        assertThat(line.get("error_code")).isEqualTo("WEBHOOK_NOT_ACKNOWLEDGED");
        assertThat(line.get("error_message"))
                .contains("MemberPulse webhook unreachable (connection refused): check MEMBERPULSE_WEBHOOK_URL");
        assertThat(line.get("admin_hint")).contains("retried automatically");
        Map<String, String> queued = rows.query("select status, last_error from webhook_delivery where tenant_id = ?",
                tenantId).get(0);
        assertThat(queued.get("status")).as("still queued for its retries").isNotEqualTo("DELIVERED");
        for (String text : List.of(line.get("error_message"), line.get("admin_hint"), queued.get("last_error"))) {
            assertThat(text).doesNotContain(USER, PASSWORD, "127.0.0.1", String.valueOf(PORT), "http://",
                    "Connection refused:");
        }
    }

    private List<Map<String, String>> failures(InboundRows rows) {
        return rows.query("select error_code, error_message, admin_hint from sync_log where tenant_id = ? "
                + "and operation = 'WEBHOOK_DELIVERY' and outcome = 'FAILED' order by id", tenantId);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
