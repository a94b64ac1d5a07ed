package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.support.PackagedApp;
import io.memberpulse.salesforce.support.WebhookReceiver;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed (SIGKILL: no shutdown hook, lease not released, a webhook
 * delivery possibly sent but not recorded) in the middle of a stream of Salesforce-side changes,
 * more changes happen while it is down, and it is started again: it resumes from the replay id it
 * stored with the effects, and MemberPulse hears every change exactly once per member, in order.
 */
class CdcCrashIT {

    static final String TENANT = "crash-tenant";
    static final String SECRET = "it-only-webhook-secret";
    static final int MEMBERS = 40;
    static final int CHANGES = 2_000;
    static final int KILL_AT = 800;
    static final int RESTART_AT = 1_400;

    final ObjectMapper json = new ObjectMapper();
    SalesforceEmulator emulator;
    WebhookReceiver receiver;
    PackagedApp app;
    String token;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(0);
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        receiver = WebhookReceiver.start(SECRET);
        token = Jwt.issuer(PackagedApp.ISSUER).upn("ops@example")
                .groups(Set.of("salesforce-admin", "memberpulse-service"))
                .claim("tenant_id", TENANT).expiresIn(600).sign(KeyUtils.readPrivateKey("jwt-test-private.pem"));
        app = new PackagedApp()
                .with("SALESFORCE_LOGIN_URL", emulator.baseUrl())
                .with("MEMBERPULSE_WEBHOOK_URL", receiver.url())
                .with("MEMBERPULSE_WEBHOOK_SECRET", SECRET)
                // A dead holder's lease lapses sooner than the default 20 s, to keep the test short.
                .with("MEMBERPULSE_INBOUND_CDC_LEASE_DURATION", "PT6S")
                .with("MEMBERPULSE_INBOUND_CDC_TICK", "PT1S");
        app.startAndAwaitReady();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        receiver.stop();
        emulator.stop();
    }

    @Test
    void aKilledServiceResumesFromItsStoredReplayIdAndDeliversEveryChangeOnceInOrder() throws Exception {
        send("PUT", "/connection", "{\"environment\":\"PRODUCTION\",\"consumerKey\":\"emulator-client\","
                + "\"consumerSecret\":\"emulator-secret\",\"autoSync\":true,\"myDomainUrl\":\"" + emulator.baseUrl()
                + "\"}", 201);
        send("POST", "/events", members(), 202);
        awaitOrShowLog(Duration.ofSeconds(60), () -> count("select count(*) from member_link") == MEMBERS
                && count("select count(*) from inbound_position where channel = '" + CdcSubscriber.CONTACTS + "'") == 1);
        EmulatedOrg org = emulator.defaultOrg();
        Map<String, String> contacts = contactsByMember(org);

        Map<String, List<String>> published = new HashMap<>();
        for (int k = 0; k < CHANGES; k++) {
            if (k == KILL_AT) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.delivered(TENANT).isEmpty());
                app.kill();
            }
            if (k == RESTART_AT) {
                app.startAndAwaitReady();
            }
            String member = "crash-m" + (k % MEMBERS);
            String value = "v" + k;
            org.userUpdate("Contact", contacts.get(member), Map.of("LastName", value));
            published.computeIfAbsent(member, x -> new ArrayList<>()).add(value);
            if (k % 100 == 99) {
                Thread.sleep(50);
            }
        }

        awaitOrShowLog(Duration.ofSeconds(180),
                () -> lastNames().values().stream().mapToInt(List::size).sum() >= CHANGES);

        Map<String, List<String>> delivered = lastNames();
        for (Map.Entry<String, List<String>> member : published.entrySet()) {
            assertThat(delivered.get(member.getKey())).as("member %s: every change once, in order", member.getKey())
                    .containsExactlyElementsOf(member.getValue());
        }
        // Resends are allowed here (unlike CdcFaultTest): a delivery the receiver acknowledged just before
        // the kill was never recorded as acknowledged, so it is sent again; the receiver drops it by deliveryId.
        assertThat(count("select count(*) from worker_lease where lane = -3")).as("one subscription lease").isOne();
    }

    /** Waits for {@code condition}; on time-out the service's log is the failure message. */
    private void awaitOrShowLog(Duration atMost, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nreceived " + lastNames().values().stream()
                    .mapToInt(List::size).sum() + " last names; queued deliveries by source and status: "
                    + rows("select source || ' ' || status || ' ' || count(*) from webhook_delivery group by 1")
                    + "; positions: " + rows("select channel || ' ' || replay_id from inbound_position")
                    + "; m0 heard: " + lastNames().get("crash-m0") + "\n" + java.nio.file.Files.readString(app.log), e);
        }
    }

    /** Last names MemberPulse heard per member, in the order it acknowledged them (first attempts only). */
    private Map<String, List<String>> lastNames() {
        Map<String, List<String>> byMember = new HashMap<>();
        for (JsonNode body : receiver.delivered(TENANT)) {
            if (body.path("fields").has("lastName")) {
                byMember.computeIfAbsent(body.path("memberId").asText(), x -> new ArrayList<>())
                        .add(body.path("fields").path("lastName").asText());
            }
        }
        return byMember;
    }

    private Map<String, String> contactsByMember(EmulatedOrg org) {
        Map<String, String> ids = new HashMap<>();
        org.records("Contact").forEach(contact -> ids.put(String.valueOf(contact.get("MemberPulse_Id__c")),
                String.valueOf(contact.get("Id"))));
        return ids;
    }

    private String members() {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < MEMBERS; i++) {
            ObjectNode event = events.addObject().put("eventId", "crash-e" + i).put("type", "member.upserted")
                    .put("occurredAt", Instant.now().minusSeconds(5).toString()).put("memberId", "crash-m" + i);
            event.putObject("data").put("lastName", "Start").put("email", "crash" + i + "@example.com");
        }
        return body.toString();
    }

    private List<String> rows(String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
                ResultSet row = c.createStatement().executeQuery(sql)) {
            while (row.next()) {
                found.add(row.getString(1));
            }
        }
        return found;
    }

    private long count(String sql) throws Exception {
        return app.count(sql);
    }

    private void send(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = app.callTenantApi(token, TENANT, method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }
}
