package io.memberpulse.salesforce.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.support.PackagedApp;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed (SIGKILL) in the middle of a backfill and started again: every
 * member still lands exactly once, as one Contact.
 */
class BackfillCrashIT {

    static final String TENANT = "crash-tenant";
    static final int MEMBERS = 1500;

    final ObjectMapper json = new ObjectMapper();
    SalesforceEmulator emulator;
    PackagedApp app;
    String token;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(0);
        app = new PackagedApp()
                .with("MEMBERPULSE_OUTBOUND_CLAIM_TIMEOUT", "PT3S")
                .with("MEMBERPULSE_BACKFILL_POLL_INTERVAL", "PT0.5S")
                .with("SALESFORCE_LOGIN_URL", emulator.baseUrl());
        app.startAndAwaitReady();
        token = Jwt.issuer(PackagedApp.ISSUER).upn("ops@example").groups(Set.of("salesforce-admin"))
                .claim("tenant_id", TENANT).expiresIn(600).sign(KeyUtils.readPrivateKey("jwt-test-private.pem"));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        emulator.stop();
    }

    @Test
    void aBackfillSurvivesTheServiceBeingKilledMidway() throws Exception {
        send("PUT", "/connection", "{\"environment\":\"PRODUCTION\",\"consumerKey\":\"emulator-client\","
                + "\"consumerSecret\":\"emulator-secret\",\"autoSync\":true,\"myDomainUrl\":\"" + emulator.baseUrl()
                + "\"}", 201);
        emulator.faults().latency(Duration.ofMillis(700));
        long jobId = send("POST", "/backfill", members(), 202).path("jobId").asLong();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> contacts().size() >= 200);
        app.kill();
        int landedBeforeKill = contacts().size();
        assertThat(landedBeforeKill).isLessThan(MEMBERS);

        emulator.faults().latency(Duration.ZERO);
        app.startAndAwaitReady();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(send("GET", "/backfill/" + jobId, null, 200).path("status").asText()));

        List<String> ids = contacts();
        assertThat(ids).hasSize(MEMBERS);
        assertThat(Set.copyOf(ids)).hasSize(MEMBERS);
        assertThat(send("GET", "/backfill/" + jobId, null, 200).path("done").asInt()).isEqualTo(MEMBERS);
    }

    private List<String> contacts() {
        return emulator.defaultOrg().records("Contact").stream()
                .map(contact -> String.valueOf(contact.get("MemberPulse_Id__c")))
                .filter(id -> id.startsWith("crash-m"))
                .collect(Collectors.toList());
    }

    private String members() {
        ObjectNode body = json.createObjectNode();
        ArrayNode members = body.putArray("members");
        for (int i = 0; i < MEMBERS; i++) {
            members.addObject().put("memberId", "crash-m" + i).put("lastName", "Member " + i)
                    .put("company", "Crash Co " + (i % 50));
        }
        return body.toString();
    }

    private JsonNode send(String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = app.callTenantApi(token, TENANT, method, path, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
