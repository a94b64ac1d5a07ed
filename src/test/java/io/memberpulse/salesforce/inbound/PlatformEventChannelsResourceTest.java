package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET|PUT /platform-event-channels}: validation, storage, roles. */
@QuarkusTest
class PlatformEventChannelsResourceTest {

    final String tenant = TestTokens.newTenantId();

    String path() {
        return "/api/v1/tenants/" + tenant + "/salesforce/platform-event-channels";
    }

    @Test
    void aTenantWithoutChannelsHasNone() {
        as(TestTokens.viewer(tenant)).get(path()).then().statusCode(200).body("channels", empty());
    }

    @Test
    void channelsAreStoredOnceEachAndReadBack() {
        as(TestTokens.admin(tenant)).body(Map.of("channels", List.of("/event/Low_Ink__e", "/event/Order__e",
                "/event/Low_Ink__e")))
                .put(path()).then().statusCode(200).body("channels", contains("/event/Low_Ink__e", "/event/Order__e"));

        as(TestTokens.viewer(tenant)).get(path()).then().statusCode(200)
                .body("channels", contains("/event/Low_Ink__e", "/event/Order__e"));

        as(TestTokens.admin(tenant)).body(Map.of("channels", List.of())).put(path()).then().statusCode(200);
        as(TestTokens.viewer(tenant)).get(path()).then().statusCode(200).body("channels", empty());
    }

    @Test
    void aChannelThatIsNotAPlatformEventIsRefusedByNameAndNothingChanges() {
        as(TestTokens.admin(tenant)).body(Map.of("channels", List.of("/event/Low_Ink__e")))
                .put(path()).then().statusCode(200);

        as(TestTokens.admin(tenant)).body(Map.of("channels", List.of("/event/Order__e", "/data/ContactChangeEvent")))
                .put(path()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channels[1]"))
                .body("errors[0].message", containsString("/event/"));

        as(TestTokens.viewer(tenant)).get(path()).then().statusCode(200).body("channels", contains("/event/Low_Ink__e"));
    }

    @Test
    void aMissingListIsRefused() {
        as(TestTokens.admin(tenant)).body(Map.of()).put(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("channels"));
    }

    @Test
    void viewersCannotChangeChannelsAndOtherTenantsCannotReadThem() {
        as(TestTokens.viewer(tenant)).body(Map.of("channels", List.of("/event/A__e"))).put(path()).then()
                .statusCode(403);
        as(TestTokens.admin(TestTokens.newTenantId())).get(path()).then().statusCode(403);
    }
}
