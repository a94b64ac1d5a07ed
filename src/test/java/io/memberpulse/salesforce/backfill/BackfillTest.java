package io.memberpulse.salesforce.backfill;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backfills through Collections (small) and Bulk API 2.0 (large), with progress and exactly-once results. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class BackfillTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    String tenant;
    String admin;

    @BeforeEach
    void connectedTenant() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        connect(true);
    }

    @AfterEach
    void clear() {
        emulator.callLog().reset();
    }

    @Test
    void aSmallBackfillGoesThroughCollectionsAndReportsProgress() {
        JsonPath job = start(members(0, 50), false);
        assertThat(job.getString("status")).isEqualTo("QUEUED");

        JsonPath finished = awaitDone(job.getLong("jobId"));

        assertThat(finished.getString("mode")).isEqualTo("COLLECTIONS");
        assertThat(finished.getInt("total")).isEqualTo(50);
        assertThat(finished.getInt("done")).isEqualTo(50);
        assertThat(finished.getInt("failed")).isZero();
        assertThat(finished.getInt("apiCalls")).isEqualTo(1);
        assertThat(contacts()).hasSize(50);
    }

    @Test
    void aLargeBackfillInPagesGoesThroughBulkApiAndLandsEachMemberOnce() {
        List<Map<String, Object>> all = members(0, 2500);
        all.set(10, Map.of("memberId", tenant + "-m10", "firstName", "No last name"));
        long jobId = start(all.subList(0, 1000), true).getLong("jobId");
        addPage(jobId, all.subList(1000, 2000), true).statusCode(202);
        addPage(jobId, all.subList(2000, 2500), false).statusCode(202);

        JsonPath finished = awaitDone(jobId);

        assertThat(finished.getString("mode")).isEqualTo("BULK");
        assertThat(finished.getInt("total")).isEqualTo(2500);
        assertThat(finished.getInt("done")).isEqualTo(2499);
        assertThat(finished.getInt("failed")).isEqualTo(1);
        // Create, upload, close, two result files, plus the state polls: whatever the job's size.
        long polls = emulator.callLog().count(call -> call.kind().equals("bulk.get")
                && !call.path().endsWith("Results"));
        assertThat(emulator.callLog().countPrefix("bulk.") - polls).isEqualTo(5);
        assertThat(finished.getLong("apiCalls")).isEqualTo(emulator.callLog().countPrefix("bulk."));
        List<StoredRecord> contacts = contacts();
        assertThat(contacts).hasSize(2499);
        assertThat(contacts.stream().map(c -> c.get("MemberPulse_Id__c")).distinct()).hasSize(2499);
        assertThat(contacts.stream().filter(c -> c.get("AccountId") != null)).hasSize(2499);
        addPage(jobId, all.subList(0, 1), false).statusCode(409);

        // The same backfill again updates the same Contacts: still one per member.
        awaitDone(start(all, false).getLong("jobId"));
        assertThat(contacts()).hasSize(2499);
    }

    @Test
    void aBulkBackfillWritesTheTagPicklistInTheSameJobKeepingValuesMemberPulseDoesNotOwn() {
        List<Map<String, Object>> all = members(0, 2100);
        all.forEach(member -> member.put("membershipStatus", "active"));
        all.get(7).put("membershipStatus", "downgrade_scheduled");
        // A Contact that already carries the member id (e.g. a converted Lead) and a value of the admin's own.
        emulator.defaultOrg().seed("Contact", Map.of("LastName", "Known", "MemberPulse_Id__c", tenant + "-m5",
                "MemberPulse_Tags__c", "VIP"));

        JsonPath finished = awaitDone(start(all, false).getLong("jobId"));

        assertThat(finished.getString("mode")).isEqualTo("BULK");
        assertThat(finished.getInt("done")).isEqualTo(2100);
        List<StoredRecord> contacts = contacts();
        assertThat(contacts).hasSize(2100);
        assertThat(contacts).filteredOn(c -> !List.of(tenant + "-m5", tenant + "-m7").contains(c.get("MemberPulse_Id__c")))
                .allSatisfy(c -> assertThat(c.get("MemberPulse_Tags__c")).isEqualTo("member-active"));
        assertThat(contact(contacts, 5).get("MemberPulse_Tags__c")).isEqualTo("VIP;member-active");
        assertThat(contact(contacts, 7).get("MemberPulse_Tags__c")).isEqualTo("member-downgrade-scheduled");
        // Written by the Bulk job itself; the unknown current values read first, one query per 200 members.
        assertThat(emulator.callLog().count(call -> call.kind().startsWith("collections.")
                && call.path().contains("Contact"))).isZero();
        assertThat(emulator.callLog().count("query")).isEqualTo(11);
    }

    private StoredRecord contact(List<StoredRecord> contacts, int member) {
        return contacts.stream().filter(c -> (tenant + "-m" + member).equals(c.get("MemberPulse_Id__c")))
                .findFirst().orElseThrow();
    }

    @Test
    void nothingIsSentWhileAutoSyncIsOff() {
        connect(false);
        long jobId = start(members(0, 5), false).getLong("jobId");

        // The runner may claim the job and hand it back (RUNNING, then QUEUED again): what matters is that
        // nothing is written and nothing counted done while auto-sync is off.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> job(jobId).getInt("done") == 0 && contacts().isEmpty());
        assertThat(job(jobId).getString("status")).isIn("QUEUED", "RUNNING");

        connect(true);
        assertThat(awaitDone(jobId).getInt("done")).isEqualTo(5);
    }

    @Test
    void badPagesAreRefusedWholeNamingEachMember() {
        List<Map<String, Object>> members = new ArrayList<>(members(0, 3));
        members.set(1, Map.of("email", "not-an-email", "lastName", "X"));
        as(admin).body(Map.of("members", members)).post(path())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("members[1].memberId", "members[1].email"));
        as(admin).body(Map.of("members", members(0, 5001))).post(path())
                .then().statusCode(400).body("errors[0].field", equalTo("members"));
        as(admin).get(path() + "/999999999").then().statusCode(404);
        as(TestTokens.viewer(tenant)).body(Map.of("members", members(0, 1))).post(path()).then().statusCode(403);
    }

    private JsonPath start(List<Map<String, Object>> members, boolean more) {
        return as(admin).body(Map.of("members", members, "more", more)).post(path())
                .then().statusCode(202)
                .extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse addPage(long jobId, List<Map<String, Object>> members,
            boolean more) {
        return as(admin).body(Map.of("members", members, "more", more)).post(path() + "/" + jobId + "/members")
                .then();
    }

    private JsonPath awaitDone(long jobId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> List.of("DONE", "FAILED").contains(job(jobId).getString("status")));
        return job(jobId);
    }

    private JsonPath job(long jobId) {
        return as(TestTokens.viewer(tenant)).get(path() + "/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> members(int from, int to) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Map<String, Object> member = new HashMap<>();
            member.put("memberId", tenant + "-m" + i);
            member.put("lastName", "Member " + i);
            member.put("email", "m" + i + "@example.com");
            member.put("company", "Backfill Co " + (i % 40) + " " + tenant);
            members.add(member);
        }
        return members;
    }

    private List<StoredRecord> contacts() {
        return emulator.defaultOrg().records("Contact").stream()
                .filter(c -> String.valueOf(c.get("MemberPulse_Id__c")).startsWith(tenant + "-"))
                .collect(Collectors.toList());
    }

    private String path() {
        return "/api/v1/tenants/" + tenant + "/salesforce/backfill";
    }

    private void connect(boolean autoSync) {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET, "myDomainUrl", emulator.baseUrl(),
                "autoSync", autoSync))
                .put(connectionPath(tenant)).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }
}
