package io.memberpulse.salesforce.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics: what operators and API users rely on. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsEveryConnectionEndpointAndItsProblems() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/tenants/{tenantId}/salesforce/connection'.put.responses.'400'.content."
                        + "'application/problem+json'.schema.'$ref'", equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/tenants/{tenantId}/salesforce/connection'.get", notNullValue())
                .body("paths.'/api/v1/tenants/{tenantId}/salesforce/connection'.delete", notNullValue())
                .body("paths.'/api/v1/tenants/{tenantId}/salesforce/connection/audit'.get", notNullValue())
                .body("components.schemas.ConnectionRequest.properties.consumerSecret.writeOnly", equalTo(true))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void unknownApiPathsAreProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
