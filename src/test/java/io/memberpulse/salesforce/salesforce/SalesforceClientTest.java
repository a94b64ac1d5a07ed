package io.memberpulse.salesforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.emulator.CallRecord;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the emulator: sessions, writes, reads, and every failure outcome. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class SalesforceClientTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    SalesforceClient salesforce;

    @Inject
    ApiUsage usage;

    OrgCredentials org;

    @BeforeEach
    void freshTenant() {
        org = OrgCredentials.clientCredentials(TestTokens.newTenantId(), emulator.baseUrl(),
                SalesforceEmulator.DEFAULT_CLIENT_ID, SalesforceEmulator.DEFAULT_CLIENT_SECRET);
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
        emulator.callLog().reset();
    }

    @Test
    void clientCredentialsGiveASessionOnTheInstanceOfTheTokenResponse() {
        AccessToken session = await(salesforce.session(org));

        assertThat(session.instanceUrl()).isEqualTo(emulator.baseUrl());
        assertThat(session.orgId()).isEqualTo(emulator.defaultOrg().orgId()).hasSize(18);
        assertThat(session.toString()).doesNotContain(session.value());
    }

    @Test
    void everyCallSendsTheClientNameAndRecordsTheOrgsApiUsage() {
        await(salesforce.limits(org));
        await(salesforce.describe(org, "Contact"));

        List<CallRecord> calls = emulator.callLog().calls().stream()
                .filter(call -> !call.kind().startsWith("oauth")).collect(Collectors.toList());
        assertThat(calls).hasSize(2)
                .allSatisfy(call -> assertThat(call.callOptions()).isEqualTo("client=memberpulse-test"));
        assertThat(usage.of(org.tenantId())).hasValueSatisfying(figure -> assertThat(figure.max()).isPositive());
    }

    @Test
    void aBurstOfConcurrentCallsAfterSessionExpiryMakesExactlyOneTokenRequest() {
        await(salesforce.limits(org));
        int before = emulator.oauth().tokenRequests();
        emulator.faults().expireAllSessions();

        List<Uni<JsonNode>> burst = IntStream.range(0, 100).mapToObj(i -> salesforce.limits(org))
                .collect(Collectors.toList());
        List<?> answers = Uni.join().all(burst).andFailFast().await().atMost(WAIT);

        assertThat(answers).hasSize(100);
        assertThat(emulator.oauth().tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void concurrentFirstCallsShareOneTokenRequest() {
        int before = emulator.oauth().tokenRequests();

        List<Uni<AccessToken>> burst = IntStream.range(0, 100).mapToObj(i -> salesforce.session(org))
                .collect(Collectors.toList());
        Uni.join().all(burst).andFailFast().await().atMost(WAIT);

        assertThat(emulator.oauth().tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void rejectedCredentialsAreAPermanentTenantErrorThatDoesNotHammerTheTokenEndpoint() {
        OrgCredentials wrong = OrgCredentials.clientCredentials(org.tenantId(), emulator.baseUrl(),
                SalesforceEmulator.DEFAULT_CLIENT_ID, "wrong-secret");
        int before = emulator.oauth().tokenRequests();

        assertThatThrownBy(() -> await(salesforce.limits(wrong)))
                .isInstanceOf(SalesforceException.CredentialsRejected.class)
                .satisfies(e -> assertThat(((SalesforceException) e).errorCode()).isEqualTo("invalid_client"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> await(salesforce.limits(wrong)))
                    .isInstanceOf(SalesforceException.CredentialsRejected.class);
        }
        assertThat(emulator.oauth().tokenRequests() - before).isEqualTo(1);

        // Corrected credentials are tried at once.
        assertThat(await(salesforce.limits(org)).path("DailyApiRequests").path("Max").asLong()).isPositive();
    }

    @Test
    void transientOutagesAreRetriedWithBackoff() {
        await(salesforce.session(org));
        emulator.faults().serverUnavailableForNext(2);

        JsonNode limits = await(salesforce.limits(org));

        assertThat(limits.has("DailyApiRequests")).isTrue();
        assertThat(emulator.callLog().count("limits")).isEqualTo(3);
    }

    @Test
    void permanentErrorsCarrySalesforcesCodeFieldsAndAnAdminHintAndAreNotRetried() {
        SObject bad = SObject.of("Contact", Map.of("LastName", "Lovelace", "No_Such_Field__c", "x"));

        assertThatThrownBy(() -> await(salesforce.create(org, bad)))
                .isInstanceOfSatisfying(SalesforceException.Permanent.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.getMessage()).contains("No_Such_Field__c");
                    assertThat(e.adminHint()).contains("create");
                });
        assertThat(emulator.callLog().count("sobject.create")).isEqualTo(1);
    }

    @Test
    void theDailyLimitPausesInsteadOfRetrying() {
        await(salesforce.session(org));
        emulator.faults().requestLimitExceededAfter(0);

        assertThatThrownBy(() -> await(salesforce.limits(org)))
                .isInstanceOf(SalesforceException.LimitExceeded.class);
        assertThat(emulator.callLog().count("limits")).isEqualTo(1);
    }

    @Test
    void singleRecordWritesAndUpsertsByExternalId() {
        String externalId = "m-" + org.tenantId();
        UpsertOutcome created = await(salesforce.upsert(org, "MemberPulse_Id__c", externalId,
                SObject.of("Contact", Map.of("LastName", "Hopper", "Email", "grace@example.com"))));
        UpsertOutcome updated = await(salesforce.upsert(org, "MemberPulse_Id__c", externalId,
                SObject.of("Contact", Map.of("FirstName", "Grace"))));

        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.id()).isEqualTo(created.id());
        JsonNode stored = await(salesforce.get(org, "Contact", created.id(), List.of("FirstName", "LastName")));
        assertThat(stored.path("FirstName").asText()).isEqualTo("Grace");

        await(salesforce.update(org, created.id(), SObject.of("Contact", Map.of("Phone", "+1 555 0100"))));
        await(salesforce.delete(org, "Contact", created.id()));
        assertThatThrownBy(() -> await(salesforce.get(org, "Contact", created.id(), List.of())))
                .isInstanceOf(SalesforceException.Permanent.class);
    }

    @Test
    void collectionsAreChunkedTo200AndReportEachRecordInOrder() {
        List<SObject> contacts = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            contacts.add(SObject.of("Contact", Map.of("LastName", "Member " + i,
                    "MemberPulse_Id__c", org.tenantId() + "-" + i)));
        }
        contacts.set(7, SObject.of("Contact", Map.of("FirstName", "No last name",
                "MemberPulse_Id__c", org.tenantId() + "-7")));

        List<RecordResult> results = await(salesforce.upsertAll(org, "Contact", "MemberPulse_Id__c", contacts));

        assertThat(results).hasSize(450);
        assertThat(emulator.callLog().batchSizes("collections.upsert")).containsExactly(200, 200, 50);
        assertThat(results.get(7).success()).isFalse();
        assertThat(results.get(7).errors().get(0).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(7).isRetryable()).isFalse();
        assertThat(results.stream().filter(RecordResult::success)).hasSize(449)
                .allSatisfy(result -> assertThat(result.created()).isTrue());

        List<RecordResult> again = await(salesforce.upsertAll(org, "Contact", "MemberPulse_Id__c",
                contacts.subList(0, 3)));
        assertThat(again.get(0).created()).isFalse();
    }

    @Test
    void lockedRowsComeBackAsRetryableRecordErrors() {
        emulator.faults().seed(7).unableToLockRow(1.0);
        List<RecordResult> results = await(salesforce.createAll(org, List.of(
                SObject.of("Contact", Map.of("LastName", "Locked")))));

        assertThat(results.get(0).errors().get(0).statusCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(results.get(0).isRetryable()).isTrue();
    }

    @Test
    void queriesFollowNextRecordsUrlToTheEnd() {
        String marker = "Q" + org.tenantId().replace("-", "");
        List<SObject> contacts = IntStream.range(0, 450)
                .mapToObj(i -> SObject.of("Contact", Map.of("LastName", marker, "FirstName", "n" + i)))
                .collect(Collectors.toList());
        await(salesforce.createAll(org, contacts));
        emulator.setQueryBatchSize(200);
        try {
            List<JsonNode> rows = salesforce.query(org, "SELECT Id, FirstName FROM Contact WHERE LastName = '"
                    + marker + "'").collect().asList().await().atMost(WAIT);

            assertThat(rows).hasSize(450);
            assertThat(emulator.callLog().count("query")).isEqualTo(1);
            assertThat(emulator.callLog().count("query.more")).isEqualTo(2);
        } finally {
            emulator.setQueryBatchSize(2000);
        }
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }
}
