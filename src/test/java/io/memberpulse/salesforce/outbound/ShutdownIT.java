package io.memberpulse.salesforce.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.support.PackagedApp;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of sending: the packaged service finishes the calls in flight, records them,
 * returns what it still held and exits cleanly within the grace period; the next start sends every
 * remaining member, and every member lands exactly once.
 */
class ShutdownIT {

    static final String TENANT = "shutdown-tenant";
    static final int MEMBERS = 400;
    static final Duration GRACE = Duration.ofSeconds(20);

    final ObjectMapper json = new ObjectMapper();
    SalesforceEmulator emulator;
    PackagedApp app;
    String token;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(0);
        token = Jwt.issuer(PackagedApp.ISSUER).upn("ops@example")
                .groups(Set.of("salesforce-admin", "memberpulse-service"))
                .claim("tenant_id", TENANT).expiresIn(600).sign(KeyUtils.readPrivateKey("jwt-test-private.pem"));
    }

    private void startApp(Duration grace) throws Exception {
        app = new PackagedApp()
                .with("MEMBERPULSE_OUTBOUND_BATCH_SIZE", "25")
                .with("MEMBERPULSE_OUTBOUND_SHUTDOWN_GRACE", grace.toString())
                .with("SALESFORCE_LOGIN_URL", emulator.baseUrl());
        app.startAndAwaitReady();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        emulator.stop();
    }

    @Test
    void sigtermMidWorkLeavesNothingHeldAndLosesNothing() throws Exception {
        startApp(GRACE);
        send("PUT", "/connection", "{\"environment\":\"PRODUCTION\",\"consumerKey\":\"emulator-client\","
                + "\"consumerSecret\":\"emulator-secret\",\"autoSync\":true,\"myDomainUrl\":\"" + emulator.baseUrl()
                + "\"}", 201);
        emulator.faults().latency(Duration.ofMillis(800));
        send("POST", "/events", events(0, MEMBERS / 2), 202);
        send("POST", "/events", events(MEMBERS / 2, MEMBERS), 202);
        // The first round of calls landed and the next one is on its way to Salesforce.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> contacts().size() >= 50 && count("select count(*) from outbox_item "
                        + "where status = 'IN_FLIGHT'") > 0);
        Thread.sleep(300);

        Instant signalled = Instant.now();
        app.process().destroy();
        boolean exited = app.process().waitFor(GRACE.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(exited).as("exited within the grace period").isTrue();
        assertThat(Duration.between(signalled, Instant.now())).isLessThan(GRACE);
        String log = Files.readString(app.log);
        assertThat(count("select count(*) from outbox_item where status = 'IN_FLIGHT'")).as(log).isZero();
        assertThat(count("select count(*) from worker_lease")).as(log).isZero();
        assertThat(app.process().exitValue()).as(log).isZero();
        assertThat(log).contains("Outbound pipeline stopped (loops finished)");
        int landedBeforeRestart = contacts().size();
        assertThat(landedBeforeRestart).as("stopped mid-work").isLessThan(MEMBERS);
        assertThat(count("select count(*) from outbox_item where status = 'DONE'")).isEqualTo(landedBeforeRestart);

        emulator.faults().latency(Duration.ZERO);
        app.startAndAwaitReady();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> contacts().size() >= MEMBERS && count("select count(*) from outbox_item "
                        + "where status <> 'DONE'") == 0);

        List<String> ids = contacts();
        assertThat(ids).hasSize(MEMBERS);
        assertThat(Set.copyOf(ids)).hasSize(MEMBERS);
        // Each member was written once: nothing in flight at SIGTERM was sent a second time.
        assertThat(emulator.callLog().batchSizes("collections.upsert").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(MEMBERS);
    }

    /**
     * Calls slower than the grace period: the service does not wait for them; it returns exactly the
     * items it claimed to the queue and exits. They are sent again after the restart (an idempotent
     * upsert by external id), so each member is still one Contact.
     */
    @Test
    void callsOutlastingTheGracePeriodAreReturnedToTheQueue() throws Exception {
        startApp(Duration.ofSeconds(1));
        send("PUT", "/connection", "{\"environment\":\"PRODUCTION\",\"consumerKey\":\"emulator-client\","
                + "\"consumerSecret\":\"emulator-secret\",\"autoSync\":true,\"myDomainUrl\":\"" + emulator.baseUrl()
                + "\"}", 201);
        send("POST", "/events", events(0, 100), 202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> contacts().size() >= 25);
        emulator.faults().latency(Duration.ofSeconds(6));
        send("POST", "/events", events(100, 200), 202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from outbox_item where status = 'IN_FLIGHT'") > 0);

        app.process().destroy();
        assertThat(app.process().waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();

        String log = Files.readString(app.log);
        assertThat(log).contains("Outbound pipeline stopped (grace period over)");
        assertThat(count("select count(*) from outbox_item where status = 'IN_FLIGHT'")).as(log).isZero();
        assertThat(count("select count(*) from outbox_item where last_error_code = 'REPLICA_STOPPED'")).isPositive();
        assertThat(count("select count(*) from worker_lease")).as(log).isZero();
        assertThat(app.process().exitValue()).as(log).isZero();

        emulator.faults().latency(Duration.ZERO);
        app.startAndAwaitReady();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from outbox_item where status <> 'DONE'") == 0);
        List<String> ids = contacts();
        assertThat(ids).hasSize(200);
        assertThat(Set.copyOf(ids)).hasSize(200);
    }

    private List<String> contacts() {
        return emulator.defaultOrg().records("Contact").stream()
                .map(contact -> String.valueOf(contact.get("MemberPulse_Id__c")))
                .filter(id -> id.startsWith("stop-m"))
                .collect(Collectors.toList());
    }

    private long count(String sql) throws Exception {
        return app.count(sql);
    }

    private String events(int from, int to) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (int i = from; i < to; i++) {
            ObjectNode event = events.addObject().put("eventId", "stop-e" + i).put("type", "member.upserted")
                    .put("occurredAt", Instant.now().minusSeconds(5).toString()).put("memberId", "stop-m" + i);
            event.putObject("data").put("lastName", "Member " + i).put("email", "stop" + i + "@example.com");
        }
        return body.toString();
    }

    private void send(String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = app.callTenantApi(token, TENANT, method, path, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
