package io.memberpulse.salesforce.activities;

import static io.memberpulse.salesforce.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.CallRecord;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.MemberEvents;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.memberpulse.salesforce.inbound.CdcTestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's API-call benchmark (see BENCHMARKS.md): 1,000 synced members each get a membership
 * status change, a ticket update and an event registration; counts the Salesforce API calls that
 * makes against the floor that 200-record Collections calls allow. Prints its figures; asserts
 * only correctness. Run: {@code ./mvnw test -Pbenchmark -Dtest=EngagementBenchmark}.
 */
@QuarkusTest
@TestProfile(CdcTestProfile.class)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
@Tag("benchmark")
class EngagementBenchmark {

    static final int MEMBERS = 1_000;
    static final int REQUEST = 500;
    static final Duration LATENCY = Duration.ofMillis(100);

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    final List<String> report = new ArrayList<>();

    @AfterEach
    void clear() {
        emulator.faults().clear();
    }

    @BeforeEach
    void quickConnects() {
        // Connects answer every second, so the silence watchdog of the CDC test profile stays quiet.
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
    }

    @Test
    void apiCallsForAStatusChangeATicketUpdateAndARegistrationPerMember() throws SQLException {
        run("backlog (paused while the events arrive), OBSERVED (default), streaming CDC", true, "OBSERVED", true, false);
        run("live (events in requests of 500), OBSERVED (default), streaming CDC", false, "OBSERVED", true, false);
        run("backlog, OBSERVED (default), not streaming: reads", true, "OBSERVED", false, false);
        run("live, OBSERVED (default), not streaming: reads", false, "OBSERVED", false, false);
        run("backlog, LAST_WRITTEN, not streaming", true, "LAST_WRITTEN", false, false);
        run("live, LAST_WRITTEN, not streaming", false, "LAST_WRITTEN", false, false);
        run("backlog, READ, streaming CDC", true, "READ", true, false);
        run("backlog, OBSERVED (default), streaming CDC, event Tasks on", true, "OBSERVED", true, true);
        Log.info("\n===== Engagement benchmark (issue 6) =====\n" + String.join("\n", report)
                + "\n==========================================");
    }

    private void run(String name, boolean backlog, String baseline, boolean streaming, boolean eventTasks)
            throws SQLException {
        ConnectedTenant tenant = new ConnectedTenant(emulator, database, true);
        as(tenant.admin).body(Map.of("picklistBaseline", baseline))
                .put("/api/v1/tenants/" + tenant.id + "/salesforce/tag-settings").then().statusCode(201);
        if (streaming) {
            stream(tenant);
        }
        as(tenant.admin).body(Map.of("eventTasks", eventTasks))
                .put("/api/v1/tenants/" + tenant.id + "/salesforce/activity-settings").then().statusCode(201);
        Map<String, String> seed = new LinkedHashMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            seed.put(tenant.member(i), "{\"lastName\":\"L" + i + "\",\"email\":\"m" + i + "@example.com\","
                    + "\"membershipStatus\":\"active\"}");
        }
        new MemberEvents(database, tenant.id).upsertedBatch(seed);
        awaitQuiet(tenant);
        emulator.faults().latency(LATENCY);
        if (backlog) {
            // Paused (as after a spent API budget): the CDC subscription stays, unlike auto-sync off.
            pause(tenant, true);
        }
        emulator.callLog().reset();
        Instant start = Instant.now();
        for (int from = 0; from < MEMBERS; from += REQUEST / 3) {
            storeEvents(tenant, from, Math.min(MEMBERS, from + REQUEST / 3));
        }
        if (backlog) {
            awaitPlanned(tenant);
            pause(tenant, false);
        }
        awaitQuiet(tenant);
        Duration took = Duration.between(start, Instant.now());
        emulator.faults().clear();
        record(name, tenant, eventTasks, took);
        tenant.autoSync(false);
    }

    /**
     * "Test connection" marks the tenant connected with its org, so it streams Contact change events
     * (CDC test profile); waits until the subscription is live and its first catch-up is done.
     */
    private void stream(ConnectedTenant tenant) {
        as(tenant.admin).post("/api/v1/tenants/" + tenant.id + "/salesforce/connection/test").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.count("select count(*) from worker_lease "
                + "where tenant_id = ? and lane = -3 and live_since is not null") == 1
                && tenant.count("select count(*) from inbound_watermark where tenant_id = ?") == 2);
    }

    private void pause(ConnectedTenant tenant, boolean paused) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement update = c.prepareStatement(
                "update salesforce_connection set paused_until = " + (paused ? "now() + interval '1 hour'" : "null")
                        + " where tenant_id = ?")) {
            update.setString(1, tenant.id);
            update.executeUpdate();
        }
    }

    private void record(String name, ConnectedTenant tenant, boolean eventTasks, Duration took) {
        // REST API calls only: OAuth token calls and the Streaming API's CometD long polls (which Salesforce
        // does not count against the daily API request limit; the emulator holds a connect 1 s here,
        // Salesforce 110 s) are shown apart.
        List<CallRecord> calls = emulator.callLog().calls().stream()
                .filter(c -> !c.kind().startsWith("oauth") && !c.kind().startsWith("cometd"))
                .collect(Collectors.toList());
        long polls = emulator.callLog().calls().stream().filter(c -> c.kind().startsWith("cometd")).count();
        Map<String, Long> byKind = calls.stream().collect(Collectors.groupingBy(CallRecord::kind, TreeMap::new,
                Collectors.counting()));
        int floor = ceil(MEMBERS) + ceil(MEMBERS) + (eventTasks ? ceil(MEMBERS) : 0);
        report.add(String.format("%-80s calls %3d, floor %2d, ratio %.2f, %s, %.1f s, CometD requests %d", name,
                calls.size(), floor, calls.size() / (double) floor, byKind, took.toMillis() / 1000.0, polls));
        assertThat(tenant.count("select count(*) from sync_log where tenant_id = ? and outcome = 'FAILED'")).isZero();
        long tasks = emulator.defaultOrg().records("Task").stream()
                .filter(t -> String.valueOf(t.get("MemberPulse_Activity_Id__c")).startsWith("tkt:" + tenant.id)).count();
        assertThat(tasks).isEqualTo(MEMBERS);
        assertThat(tenant.contacts()).allSatisfy(c -> assertThat(String.valueOf(c.get("MemberPulse_Tags__c")))
                .contains("member-expiring").contains("event-registered-").doesNotContain("member-active"));
    }

    private static int ceil(int records) {
        return (records + 199) / 200;
    }

    /** One member's three events, as one intake request of ~500 events stores them. */
    private void storeEvents(ConnectedTenant tenant, int from, int to) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into member_event (tenant_id, event_id, type, "
                    + "member_id, occurred_at, data) values (?, ?, ?, ?, ?, ?::jsonb)")) {
                for (int i = from; i < to; i++) {
                    String member = tenant.member(i);
                    add(insert, tenant.id, "membership.status_changed", member, "{\"status\":\"expiring\"}");
                    add(insert, tenant.id, "ticket.updated", member, "{\"ticketNumber\":\"" + tenant.id + "-" + i
                            + "\",\"status\":\"open\",\"url\":\"https://app.memberpulse.io/t/" + i + "\"}");
                    add(insert, tenant.id, "event.registered", member, "{\"eventId\":\"gala-2026\",\"name\":\"Gala\"}");
                }
                insert.executeBatch();
            }
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('memberpulse_member_events', ?)")) {
                notify.setString(1, tenant.id);
                notify.execute();
            }
            c.commit();
        }
    }

    private static void add(PreparedStatement insert, String tenantId, String type, String member, String data)
            throws SQLException {
        insert.setString(1, tenantId);
        insert.setString(2, UUID.randomUUID().toString());
        insert.setString(3, type);
        insert.setString(4, member);
        insert.setTimestamp(5, Timestamp.from(Instant.now()));
        insert.setString(6, data);
        insert.addBatch();
    }

    private static void awaitPlanned(ConnectedTenant tenant) {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> tenant.count("select count(*) from member_event where tenant_id = ? and planned_at is null") == 0);
    }

    private static void awaitQuiet(ConnectedTenant tenant) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).until(tenant::isQuiet);
    }
}
