package io.memberpulse.salesforce.synclog;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.OutboxRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the sync log: paging, filters, validation, who may read it. */
@QuarkusTest
class SyncLogResourceTest {

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
    void pagesNewestFirstWithAnOpaqueCursorUntilTheEnd() {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(rows.logEntry("m-" + i, "SUCCESS", null));
        }

        JsonPath first = page("limit=2");
        assertThat(first.getList("entries.id", Long.class)).containsExactly(ids.get(4), ids.get(3));
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank().doesNotContain(String.valueOf(ids.get(3)));

        JsonPath second = page("limit=2&cursor=" + cursor);
        assertThat(second.getList("entries.id", Long.class)).containsExactly(ids.get(2), ids.get(1));

        JsonPath third = page("limit=2&cursor=" + second.getString("nextCursor"));
        assertThat(third.getList("entries.id", Long.class)).containsExactly(ids.get(0));
        assertThat(third.getString("nextCursor")).isNull();

        // A page that ends exactly at the last entry says so too.
        assertThat(page("limit=5").getString("nextCursor")).isNull();
    }

    @Test
    void entriesCarryTheirOutcomeAndWhetherTheyCanBeRetried() {
        long failedItem = rows.item("m-1", "FAILED", "{\"firstName\":\"Ada\"}");
        long doneItem = rows.item("m-2", "DONE", "{\"lastName\":\"Byron\"}");
        long failed = rows.logEntry("m-1", "FAILED", failedItem);
        rows.logEntry("m-2", "SUCCESS", doneItem);

        as(TestTokens.viewer(tenant)).get(path(""))
                .then().statusCode(200)
                .body("entries", hasSize(2))
                .body("entries[1].id", equalTo((int) failed))
                .body("entries[1].memberId", equalTo("m-1"))
                .body("entries[1].operation", equalTo("CONTACT_UPSERT"))
                .body("entries[1].outcome", equalTo("FAILED"))
                .body("entries[1].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
                .body("entries[1].errorMessage", containsString("LastName"))
                .body("entries[1].adminHint", containsString("last name"))
                .body("entries[1].attempts", equalTo(1))
                .body("entries[1].createdAt", notNullValue())
                .body("entries[1].salesforceId", nullValue())
                .body("entries[1].retryable", equalTo(true))
                .body("entries[0].outcome", equalTo("SUCCESS"))
                .body("entries[0].salesforceId", equalTo("003000000000001AAA"))
                .body("entries[0].retryable", equalTo(false))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersByOutcomeAndMember() {
        rows.logEntry("m-1", "FAILED", null);
        rows.logEntry("m-1", "SUCCESS", null);
        rows.logEntry("m-2", "FAILED", null);
        rows.logEntry("m-2", "SKIPPED", null);

        as(admin).get(path("?outcome=FAILED")).then().statusCode(200)
                .body("entries.memberId", contains("m-2", "m-1"))
                .body("entries.outcome", everyItem(equalTo("FAILED")));
        as(admin).get(path("?memberId=m-1")).then().statusCode(200)
                .body("entries.outcome", contains("SUCCESS", "FAILED"));
        as(admin).get(path("?outcome=FAILED&memberId=m-2")).then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].memberId", equalTo("m-2"));
        as(admin).get(path("?outcome=SKIPPED&memberId=m-1")).then().statusCode(200)
                .body("entries", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void badFiltersAndCursorsAreRefusedNamingTheParameter() {
        as(admin).get(path("?outcome=BROKEN")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome"))
                .body("detail", containsString("outcome"));
        as(admin).get(path("?cursor=not*a*cursor")).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(admin).get(path("?cursor=YWJj")).then().statusCode(400) // base64url of "abc"
                .body("errors[0].field", equalTo("cursor"));
        as(admin).get(path("?limit=0")).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(admin).get(path("?limit=201")).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(admin).get(path("?limit=ten")).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(admin).get(path("?memberId=" + "x".repeat(129))).then().statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
        as(admin).get(path("?outcome=NOPE&cursor=%25%25")).then().statusCode(400)
                .body("errors.field", contains("outcome", "cursor"));
    }

    @Test
    void aTenantWithoutConnectionOrEventsIsUnknownOneWithAConnectionHasAnEmptyLog() {
        as(admin).get(path("")).then().statusCode(200).body("entries", hasSize(0));
        String stranger = TestTokens.newTenantId();
        as(TestTokens.platformAdmin()).get("/api/v1/tenants/" + stranger + "/salesforce/sync-log")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void viewersReadAndOtherTenantsAreRefused() {
        rows.logEntry("m-1", "SUCCESS", null);
        as(TestTokens.viewer(tenant)).get(path("")).then().statusCode(200).body("entries", hasSize(1));
        as(TestTokens.platformAdmin()).get(path("")).then().statusCode(200).body("entries", hasSize(1));
        as(TestTokens.admin(TestTokens.newTenantId())).get(path("")).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.service(tenant)).get(path("")).then().statusCode(403);
        io.restassured.RestAssured.given().get(path("")).then().statusCode(401);
    }

    private JsonPath page(String query) {
        return as(admin).get(path("?" + query)).then().statusCode(200).extract().jsonPath();
    }

    private String path(String suffix) {
        return "/api/v1/tenants/" + tenant + "/salesforce/sync-log" + suffix;
    }
}
