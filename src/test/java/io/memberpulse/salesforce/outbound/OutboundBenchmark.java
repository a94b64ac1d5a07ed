package io.memberpulse.salesforce.outbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.CallRecord;
import io.memberpulse.salesforce.emulator.EmulatedOrg;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's outbound benchmark (see BENCHMARKS.md): 10,000 member.upserted events of 2,000
 * companies through the intake against the emulator with 100 ms per API call, until all are
 * Contacts; then 200 single changes with no emulator latency. Prints its figures; asserts only
 * correctness. Run: {@code ./mvnw test -Pbenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
@Tag("benchmark")
class OutboundBenchmark {

    static final int MEMBERS = 10_000;
    static final int COMPANIES = 2_000;
    static final int BATCH_SIZE = 500;
    static final int SINGLE_CHANGES = 200;
    static final Duration LATENCY = Duration.ofMillis(100);
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    final HttpClient client = HttpClient.newHttpClient();
    String tenant;
    String service;

    @AfterEach
    void clear() {
        emulator.faults().clear();
    }

    @Test
    void tenThousandMembersThenSingleChanges() throws Exception {
        EmulatedOrg org = emulator.defaultOrg();
        warmUp();
        tenant = TestTokens.newTenantId();
        service = TestTokens.service(tenant);
        connect(SalesforceEmulator.DEFAULT_CLIENT_ID, SalesforceEmulator.DEFAULT_CLIENT_SECRET);
        List<String> bodies = bodies(MEMBERS, COMPANIES);
        int before = org.store().size();
        emulator.callLog().reset();
        emulator.faults().latency(LATENCY);

        long start = System.nanoTime();
        for (String body : bodies) {
            post(body);
        }
        long intakeNanos = System.nanoTime() - start;
        long syncedNanos = awaitContacts(org, before, start);

        Map<String, String> contactIds = contactIdsByMember(org);
        assertThat(contactIds).hasSize(MEMBERS);
        assertThat(org.records("Account").stream().filter(a -> String.valueOf(a.get("Name")).endsWith(tenant))
                .count()).isEqualTo(COMPANIES);

        long drainedNanos = awaitDrained(start);
        // Every call this load caused, resends of timed-out calls included.
        List<CallRecord> calls = emulator.callLog().calls();
        emulator.faults().latency(Duration.ZERO);
        long[] latencies = singleChanges(org, contactIds);
        Log.infof("Outbox drained (nothing pending or in flight) %d ms after the first POST",
                millis(drainedNanos));
        report(intakeNanos, syncedNanos, calls, latencies);
    }

    /**
     * The same path on another tenant (2,000 members, no emulator latency, not measured), so the
     * figures are of a JIT-compiled service rather than of the first seconds after start-up.
     */
    private void warmUp() throws Exception {
        // An org of its own: the measured org's record count (which the emulator's cost grows with) stays as it was.
        EmulatedOrg org = emulator.createOrg("warm-up-client", "warm-up-secret");
        tenant = TestTokens.newTenantId();
        service = TestTokens.service(tenant);
        connect(org.clientId(), org.clientSecret());
        for (String body : bodies(2_000, 400)) {
            post(body);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (contactIdsByMember(org).size() < 2_000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        awaitDrained(System.nanoTime());
        Log.infof("Warm-up: 2,000 members of tenant %s synced", tenant);
    }

    private void connect(String clientId, String clientSecret) {
        as(TestTokens.admin(tenant)).body(Map.of("environment", "PRODUCTION", "consumerKey", clientId,
                "consumerSecret", clientSecret, "myDomainUrl", emulator.baseUrl(), "autoSync", true))
                .put(connectionPath(tenant)).then().statusCode(201);
    }

    /** Waits until every member is a Contact; answers the time from start to that moment. */
    private long awaitContacts(EmulatedOrg org, int before, long start) {
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        int seen = -1;
        while (System.nanoTime() < deadline) {
            int size = org.store().size();
            long now = System.nanoTime();
            // Counting the store is costly; the record count is not, so count only when it moved enough.
            if (size != seen && size - before >= MEMBERS && contactIdsByMember(org).size() == MEMBERS) {
                return now - start;
            }
            seen = size;
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new AssertionError("Not all Contacts arrived within 5 minutes: " + contactIdsByMember(org).size());
    }

    /**
     * Waits until the tenant's outbox holds nothing pending or in flight (resends of slow calls may
     * still run after the last Contact landed), so single changes start on a quiet pipeline.
     */
    private long awaitDrained(long start) throws Exception {
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(
                    "select count(*) from outbox_item where tenant_id = ? and status in ('PENDING', 'IN_FLIGHT')")) {
                statement.setString(1, tenant);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return System.nanoTime() - start;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The outbox did not drain within 10 minutes");
    }

    /** Each measured from the POST until the emulator's Contact shows the new phone. */
    private long[] singleChanges(EmulatedOrg org, Map<String, String> contactIds) throws Exception {
        long[] latencies = new long[SINGLE_CHANGES];
        service = TestTokens.service(tenant); // test tokens live 5 minutes; phase 1 may take longer
        for (int k = 0; k < SINGLE_CHANGES; k++) {
            String member = member(k * (MEMBERS / SINGLE_CHANGES) + 1);
            String phone = "+1 555 0199 " + k;
            String body = JSON.writeValueAsString(Map.of("events", List.of(event("phone-" + k, member,
                    Map.of("phone", phone)))));
            String id = contactIds.get(member);
            long sent = System.nanoTime();
            post(body);
            long deadline = sent + TimeUnit.SECONDS.toNanos(30);
            while (!phone.equals(org.record(id).get("Phone"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Phone change " + k + " did not arrive within 30 s");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            latencies[k] = System.nanoTime() - sent;
        }
        return latencies;
    }

    private void post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/tenants/" + tenant + "/salesforce/events"))
                .header("Authorization", "Bearer " + service)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private Map<String, String> contactIdsByMember(EmulatedOrg org) {
        Map<String, String> ids = new HashMap<>();
        for (StoredRecord contact : org.store().all("Contact")) {
            Object member = contact.get("MemberPulse_Id__c");
            if (!contact.isDeleted() && member != null && member.toString().startsWith(tenant + "-")) {
                assertThat(ids.put(member.toString(), contact.id())).as("one Contact per member").isNull();
            }
        }
        return ids;
    }

    /** Request bodies, serialized before the clock starts: member i belongs to company i % 2000. */
    private List<String> bodies(int members, int companies) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < members / BATCH_SIZE; b++) {
            List<Map<String, Object>> events = new ArrayList<>(BATCH_SIZE);
            for (int i = b * BATCH_SIZE; i < (b + 1) * BATCH_SIZE; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("email", "member" + i + "@example.org");
                data.put("firstName", "First" + i);
                data.put("lastName", "Last" + i);
                data.put("phone", "+1 555 " + i);
                data.put("company", "Company " + (i % companies) + " " + tenant);
                data.put("membershipStatus", "active");
                events.add(event("evt-" + i, member(i), data));
            }
            bodies.add(JSON.writeValueAsString(Map.of("events", events)));
        }
        return bodies;
    }

    private Map<String, Object> event(String eventId, String member, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", tenant + "-" + eventId);
        event.put("type", "member.upserted");
        event.put("occurredAt", Instant.now().toString());
        event.put("memberId", member);
        event.put("data", data);
        return event;
    }

    private String member(int i) {
        return tenant + "-m" + i;
    }

    private void report(long intakeNanos, long syncedNanos, List<CallRecord> calls, long[] latencies)
            throws Exception {
        Map<String, List<Integer>> byKind = new TreeMap<>();
        for (CallRecord call : calls) {
            byKind.computeIfAbsent(kindOf(call), k -> new ArrayList<>()).add(call.recordCount());
        }
        int floor = (MEMBERS + 199) / 200 + (COMPANIES + 199) / 200;
        long total = calls.size();
        String slowest = slowest(latencies);
        Arrays.sort(latencies);
        StringBuilder out = new StringBuilder("\n===== Outbound benchmark (issue 4) =====\n");
        out.append(String.format("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim()));
        out.append(String.format("intake: %d events in %d POSTs of %d: %d ms (%.0f events/s)%n", MEMBERS,
                MEMBERS / BATCH_SIZE, BATCH_SIZE, millis(intakeNanos), MEMBERS * 1e9 / intakeNanos));
        out.append(String.format("end to end (first POST -> last Contact), latency %d ms: %d ms%n",
                LATENCY.toMillis(), millis(syncedNanos)));
        out.append(String.format("sync throughput: %.0f records/s%n", MEMBERS * 1e9 / syncedNanos));
        out.append(String.format("API calls: %d, floor %d, ratio %.3fx%n", total, floor, (double) total / floor));
        byKind.forEach((kind, sizes) -> out.append(String.format("  %-28s %4d calls, records %s%n", kind,
                sizes.size(), sizes.stream().allMatch(s -> s == 0) ? "-" : sizes)));
        out.append(String.format("peak RSS (VmHWM of the test JVM: app + emulator + test): %s%n", vmHwm()));
        out.append(String.format("single change -> Contact (latency 0, n=%d): p50 %.1f ms, p90 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms, min %.1f ms%n", SINGLE_CHANGES, pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), latencies[latencies.length - 1] / 1e6, latencies[0] / 1e6));
        out.append(String.format("  slowest (change #: ms): %s%n", slowest));
        out.append(String.format("  all (ms): %s%n", Arrays.stream(latencies).mapToObj(l -> String.valueOf(l / 1_000_000))
                .collect(Collectors.joining(" "))));
        out.append(timeline(calls));
        Log.info(out.append("=========================================").toString());
    }

    /** collections.upsert split by the object in its path. */
    private static String kindOf(CallRecord call) {
        if (call.kind().startsWith("collections.")) {
            String[] parts = call.path().split("/composite/sobjects/?");
            String object = parts.length > 1 && !parts[1].isEmpty() ? parts[1].split("/")[0] : "?";
            return call.kind() + " " + object;
        }
        return call.kind();
    }

    /** When each Salesforce call arrived, relative to the first: shows batching and concurrency. */
    private static String timeline(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return "";
        }
        Instant first = calls.get(0).at();
        return calls.stream()
                .map(c -> Duration.between(first, c.at()).toMillis() + ":" + kindOf(c).replace("collections.upsert ", "")
                        + "(" + c.recordCount() + ")")
                .collect(Collectors.joining(" ", "call timeline (ms:kind(records)): ", "\n"));
    }

    private static String slowest(long[] latencies) {
        Integer[] order = new Integer[latencies.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        return Arrays.stream(order).limit(5).map(i -> "#" + i + ": " + latencies[i] / 1_000_000)
                .collect(Collectors.joining(", "));
    }

    private static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String vmHwm() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replace("VmHWM:", "").trim()).findFirst().orElse("?");
    }
}
