package io.memberpulse.salesforce.tenant;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input is a 400 (413 for size) problem naming what is wrong, and changes nothing. */
@QuarkusTest
class ConnectionValidationTest {

    static final String SECRET = "valid-secret-value-1234";

    String tenant;
    String admin;

    @BeforeEach
    void tenantWithAConnection() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
        as(admin).body(Map.of("environment", "SANDBOX", "consumerKey", "ck", "consumerSecret", SECRET,
                "myDomainUrl", "https://acme.my.salesforce.com"))
                .put(connectionPath(tenant)).then().statusCode(201);
    }

    @Test
    void unknownPropertiesAreRefused() {
        refused("{\"environment\":\"PRODUCTION\",\"consumerKye\":\"x\"}", 400)
                .body("errors[0].field", equalTo("consumerKye"))
                .body("errors[0].message", containsString("unknown property"));
        assertUnchanged();
    }

    @Test
    void wrongTypesAreRefused() {
        refused("{\"environment\":\"PRODUCTION\",\"autoSync\":\"sometimes\"}", 400)
                .body("errors[0].field", equalTo("autoSync"))
                .body("errors[0].message", containsString("boolean"));
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":{\"a\":1}}", 400)
                .body("errors[0].field", equalTo("consumerKey"));
        assertUnchanged();
    }

    @Test
    void anUnknownOrMissingEnvironmentIsRefused() {
        refused("{\"environment\":\"STAGING\"}", 400)
                .body("errors[0].field", equalTo("environment"))
                .body("errors[0].message", equalTo("must be one of [PRODUCTION, SANDBOX]"));
        refused("{\"autoSync\":true}", 400)
                .body("errors[0].field", equalTo("environment"))
                .body("errors[0].message", equalTo("is required: PRODUCTION or SANDBOX"));
        assertUnchanged();
    }

    @Test
    void aMyDomainUrlMustBeHttpsExceptOnLoopback() {
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"ck\",\"myDomainUrl\":\"http://acme.my.salesforce.com\"}", 400)
                .body("errors[0].field", equalTo("myDomainUrl"))
                .body("errors[0].message", equalTo("must use https (http is accepted only for localhost)"));
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"ck\",\"myDomainUrl\":\"https://acme.my.salesforce.com/path?x=1\"}", 400).body("errors[0].field", equalTo("myDomainUrl"));
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"ck\",\"myDomainUrl\":\"not a url\"}", 400).body("errors[0].field", equalTo("myDomainUrl"));
        assertUnchanged();

        put("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"ck\",\"myDomainUrl\":\"http://localhost:8089\"}")
                .statusCode(200).body("myDomainUrl", equalTo("http://localhost:8089"));
    }

    @Test
    void aSecretComesWithItsKey() {
        refused("{\"environment\":\"PRODUCTION\",\"consumerSecret\":\"lonely-secret\"}", 400).body("errors[0].field", equalTo("consumerSecret"));
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"another-key\"}", 400)
                .body("errors[0].field", equalTo("consumerSecret"))
                .body("errors[0].message", equalTo("is required with a new or changed consumerKey"));
        assertUnchanged();
    }

    @Test
    void constraintViolationsNameEachField() {
        refused("{\"environment\":\"PRODUCTION\",\"consumerKey\":\"has space\",\"consumerSecret\":\"\"}", 400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("consumerKey", "consumerSecret"));
        assertUnchanged();
    }

    @Test
    void malformedOrMissingBodiesAreRefused() {
        refused("{\"environment\":", 400)
                .body("type", equalTo("https://memberpulse.io/problems/malformed-json"));
        refused("", 400);
        assertUnchanged();
    }

    @Test
    void oversizeBodiesAreRefusedBeforeParsing() {
        String big = "{\"environment\":\"PRODUCTION\",\"consumerKey\":\"" + "k".repeat(20_000) + "\"}";
        refused(big, 413)
                .body("detail", equalTo("Request body is larger than this endpoint accepts (16384 bytes)"));
        assertUnchanged();
    }

    private ValidatableResponse put(String json) {
        return as(admin).body(json).put(connectionPath(tenant)).then();
    }

    /** The answer to bad input: the status, as a problem document. */
    private ValidatableResponse refused(String json, int status) {
        return put(json).statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private void assertUnchanged() {
        as(admin).get(connectionPath(tenant))
                .then().statusCode(200)
                .body("environment", equalTo("SANDBOX"))
                .body("consumerKey", equalTo("ck"))
                .body("consumerSecretSet", equalTo(true))
                .body("myDomainUrl", equalTo("https://acme.my.salesforce.com"));
        as(admin).get(connectionPath(tenant) + "/audit").then().statusCode(200)
                .body("size()", equalTo(1));
    }
}
