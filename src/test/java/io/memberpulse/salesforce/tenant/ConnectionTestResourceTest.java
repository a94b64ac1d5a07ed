package io.memberpulse.salesforce.tenant;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class ConnectionTestResourceTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    String tenant;
    String admin;

    @BeforeEach
    void newTenant() {
        tenant = TestTokens.newTenantId();
        admin = TestTokens.admin(tenant);
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void provesTheCredentialsAndReportsTheOrgItsUsageAndTheContactFields() {
        connect(SalesforceEmulator.DEFAULT_CLIENT_SECRET, emulator.baseUrl());

        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(200)
                .body("orgId", equalTo(emulator.defaultOrg().orgId()))
                .body("instanceUrl", equalTo(emulator.baseUrl()))
                .body("apiUsage.max", greaterThan(0))
                .body("externalIdField.name", equalTo("MemberPulse_Id__c"))
                .body("externalIdField.exists", equalTo(true))
                .body("contactFields.findAll { it.exists }.name", hasItem("MemberPulse_Membership_Status__c"))
                .body("ready", equalTo(true));
        as(admin).get(connectionPath(tenant))
                .then().statusCode(200)
                .body("state", equalTo("CONNECTED"))
                .body("orgId", equalTo(emulator.defaultOrg().orgId()));
    }

    @Test
    void aWrongSecretIsA422NamingTheSecretAndTheTenantNeedsReconnecting() {
        connect("not-the-secret-at-all", emulator.baseUrl());

        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("consumerSecret"));
        as(admin).get(connectionPath(tenant))
                .then().body("state", equalTo("RECONNECT_NEEDED"));
    }

    @Test
    void anUnknownConsumerKeyIsNamed() {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", "nobody-knows-me",
                "consumerSecret", "whatever-secret", "myDomainUrl", emulator.baseUrl()))
                .put(connectionPath(tenant)).then().statusCode(201);

        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("consumerKey"));
    }

    @Test
    void withoutAMyDomainThereIsNothingToConnectWith() {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", SalesforceEmulator.DEFAULT_CLIENT_SECRET))
                .put(connectionPath(tenant)).then().statusCode(201);

        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(409)
                .body("type", equalTo("https://memberpulse.io/problems/not-connected"));
    }

    @Test
    void anUnreachableOrgIsA502() {
        connect(SalesforceEmulator.DEFAULT_CLIENT_SECRET, "http://localhost:1");

        as(admin).post(connectionPath(tenant) + "/test")
                .then().statusCode(502)
                .body("type", equalTo("https://memberpulse.io/problems/salesforce-unavailable"));
    }

    @Test
    void viewersCannotTest() {
        connect(SalesforceEmulator.DEFAULT_CLIENT_SECRET, emulator.baseUrl());
        as(TestTokens.viewer(tenant)).post(connectionPath(tenant) + "/test").then().statusCode(403);
    }

    private void connect(String secret, String myDomainUrl) {
        as(admin).body(Map.of("environment", "PRODUCTION", "consumerKey", SalesforceEmulator.DEFAULT_CLIENT_ID,
                "consumerSecret", secret, "myDomainUrl", myDomainUrl))
                .put(connectionPath(tenant)).then().statusCode(201);
    }
}
