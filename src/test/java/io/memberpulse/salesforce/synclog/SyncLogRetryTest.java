package io.memberpulse.salesforce.synclog;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.OutboxRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retrying failed writes from the sync log: one entry, or all of a tenant's. */
@QuarkusTest
class SyncLogRetryTest {

    @Inject
    AgroalDataSource database;

    String tenant;
    String admin;
    OutboxRows rows;

    @BeforeEach
    void tenantWithAutoSyncOff() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        rows = new OutboxRows(database, tenant);
        as(admin).body(Map.of("environment", "PRODUCTION", "autoSync", false)).put(connectionPath(tenant))
                .then().statusCode(201);
    }

    @Test
    void aFailedWriteGoesBackInTheQueueDueNowWithAttemptsAndErrorsReset() {
        long item = rows.item("m-1", "FAILED", "{\"firstName\":\"Ada\"}");
        long entry = rows.logEntry("m-1", "FAILED", item);

        as(admin).post(retryPath(entry)).then().statusCode(202)
                .body("syncLogId", equalTo((int) entry))
                .body("outboxItemId", equalTo((int) item))
                .body("memberId", equalTo("m-1"))
                .body("result", equalTo("REQUEUED"))
                .body("status", equalTo("PENDING"))
                .body("pendingItemId", equalTo((int) item));

        assertThat(rows.value("select status || ',' || attempts || ',' || coalesce(last_error_code, '-') || ',' "
                + "|| coalesce(last_error_message, '-') || ',' || (next_attempt_at <= now()) from outbox_item "
                + "where tenant_id = ? and id = " + item)).isEqualTo("PENDING,0,-,-,true");
        as(admin).get(logPath("")).then().body("entries[0].retryable", equalTo(false));

        // Not failed any more: nothing to retry.
        as(admin).post(retryPath(entry)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PENDING"));
    }

    @Test
    void unknownEntriesAndEntriesOfOtherTenantsAreNotFound() {
        as(admin).post(retryPath(Long.MAX_VALUE)).then().statusCode(404).contentType("application/problem+json");

        String other = TestTokens.newTenantId();
        OutboxRows otherRows = new OutboxRows(database, other);
        long foreign = otherRows.logEntry("m-1", "FAILED", otherRows.item("m-1", "FAILED", "{\"email\":null}"));
        as(admin).post(retryPath(foreign)).then().statusCode(404);
        assertThat(otherRows.count("select count(*) from outbox_item where tenant_id = ? and status = 'FAILED'"))
                .isEqualTo(1);
    }

    @Test
    void anEntryWhoseWriteSucceededOrThatHasNoWriteIsAConflict() {
        long done = rows.logEntry("m-1", "SUCCESS", rows.item("m-1", "DONE", "{\"lastName\":\"Lovelace\"}"));
        long orphan = rows.logEntry("m-2", "FAILED", null);

        as(admin).post(retryPath(done)).then().statusCode(409).body("detail", containsString("DONE"));
        as(admin).post(retryPath(orphan)).then().statusCode(409);
    }

    @Test
    void aFailedWriteFoldsUnderTheMembersNewerPendingChangeAndOnlyOnePendingRemains() {
        long failed = rows.item("m-1", "FAILED", "{\"lastName\":\"Old\",\"email\":\"ada@example.org\"}");
        long pending = rows.item("m-1", "PENDING", "{\"lastName\":\"New\",\"phone\":\"+1 555\"}");
        long entry = rows.logEntry("m-1", "FAILED", failed);

        as(admin).post(retryPath(entry)).then().statusCode(202)
                .body("result", equalTo("MERGED"))
                .body("status", equalTo("DONE"))
                .body("pendingItemId", equalTo((int) pending));

        assertThat(rows.count("select count(*) from outbox_item where tenant_id = ? and member_id = 'm-1' "
                + "and status = 'PENDING'")).isEqualTo(1);
        assertThat(rows.value("select fields::text from outbox_item where tenant_id = ? and id = " + pending))
                .isEqualTo("{\"email\": \"ada@example.org\", \"phone\": \"+1 555\", \"lastName\": \"New\"}");
        assertThat(rows.value("select status || ',' || last_error_code from outbox_item where tenant_id = ? and id = "
                + failed)).isEqualTo("DONE,SUPERSEDED");
    }

    @Test
    void aRetryNeverSendsAnOlderValueOverANewerOne() {
        long older = rows.item("m-1", "FAILED", "{\"lastName\":\"Old\",\"email\":\"ada@example.org\"}");
        rows.item("m-1", "DONE", "{\"lastName\":\"Newer\"}");
        long allStale = rows.item("m-2", "FAILED", "{\"lastName\":\"Old\"}");
        rows.item("m-2", "IN_FLIGHT", "{\"lastName\":\"Sending\"}");

        as(admin).post(retryPath(rows.logEntry("m-1", "FAILED", older))).then().statusCode(202)
                .body("result", equalTo("REQUEUED"));
        assertThat(rows.value("select fields::text from outbox_item where tenant_id = ? and id = " + older))
                .isEqualTo("{\"email\": \"ada@example.org\"}");

        as(admin).post(retryPath(rows.logEntry("m-2", "FAILED", allStale))).then().statusCode(202)
                .body("result", equalTo("SUPERSEDED"))
                .body("pendingItemId", nullValue());
        assertThat(rows.count("select count(*) from outbox_item where tenant_id = ? and member_id = 'm-2' "
                + "and status = 'PENDING'")).isZero();
    }

    @Test
    void bulkRetryRequeuesEveryFailedWriteKeepingOnePendingPerMember() {
        rows.item("m-1", "FAILED", "{\"firstName\":\"Ada\"}");
        rows.item("m-2", "FAILED", "{\"phone\":\"1\",\"lastName\":\"A\"}");
        rows.item("m-2", "FAILED", "{\"lastName\":\"B\"}");
        rows.item("m-3", "FAILED", "{\"email\":\"c@example.org\"}");
        long pending3 = rows.item("m-3", "PENDING", "{\"firstName\":\"Cy\"}");
        rows.item("m-4", "DONE", "{\"lastName\":\"Untouched\"}");

        as(admin).post(logPath("/retry-failed")).then().statusCode(202).body("requeued", equalTo(4));

        assertThat(rows.count("select count(*) from outbox_item where tenant_id = ? and status = 'FAILED'")).isZero();
        assertThat(rows.value("select string_agg(member_id || '=' || fields::text, ' ' order by member_id) "
                + "from outbox_item where tenant_id = ? and status = 'PENDING'"))
                .isEqualTo("m-1={\"firstName\": \"Ada\"} m-2={\"phone\": \"1\", \"lastName\": \"B\"} "
                        + "m-3={\"email\": \"c@example.org\", \"firstName\": \"Cy\"}");
        assertThat(rows.value("select id from outbox_item where tenant_id = ? and member_id = 'm-3' "
                + "and status = 'PENDING'")).isEqualTo(String.valueOf(pending3));

        as(admin).post(logPath("/retry-failed")).then().statusCode(202).body("requeued", equalTo(0));
    }

    @Test
    void onlyAdminsOfTheTenantRetry() {
        long entry = rows.logEntry("m-1", "FAILED", rows.item("m-1", "FAILED", "{\"firstName\":\"Ada\"}"));
        String viewer = TestTokens.viewer(tenant);
        String otherAdmin = TestTokens.admin(TestTokens.newTenantId());

        as(viewer).post(retryPath(entry)).then().statusCode(403).contentType("application/problem+json");
        as(viewer).post(logPath("/retry-failed")).then().statusCode(403);
        as(otherAdmin).post(retryPath(entry)).then().statusCode(403);
        as(otherAdmin).post(logPath("/retry-failed")).then().statusCode(403);
        assertThat(rows.count("select count(*) from outbox_item where tenant_id = ? and status = 'FAILED'"))
                .isEqualTo(1);

        as(TestTokens.platformAdmin()).post(retryPath(entry)).then().statusCode(202);
        as(TestTokens.platformAdmin()).post("/api/v1/tenants/" + TestTokens.newTenantId()
                + "/salesforce/sync-log/retry-failed").then().statusCode(404);
    }

    private String logPath(String suffix) {
        return "/api/v1/tenants/" + tenant + "/salesforce/sync-log" + suffix;
    }

    private String retryPath(long entry) {
        return logPath("/" + entry + "/retry");
    }
}
