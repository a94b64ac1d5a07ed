package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Outbound Message endpoint as Salesforce meets it: sample 15, any prefixes, the Ack exactly as
 * the reference shows it, and a SOAP fault that changes nothing for everything it must refuse.
 */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class OutboundMessageEndpointTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    ConnectedTenant tenant;
    String orgId;
    String url;

    @BeforeEach
    void connectedTenant() {
        // Auto-sync off: the worker leaves the stored notifications alone, so the tests see them as stored.
        tenant = new ConnectedTenant(emulator, database, false);
        as(tenant.admin).post(connectionPath(tenant.id) + "/test").then().statusCode(200);
        orgId = emulator.defaultOrg().orgId();
        url = as(tenant.admin).get(connectionPath(tenant.id)).then().statusCode(200)
                .extract().path("outboundMessageUrl");
    }

    @Test
    void sample15IsStoredThenAcknowledgedExactlyAsTheReferenceShows() {
        Response response = post(url, OutboundMessageXml.sample15(orgId));

        response.then().statusCode(200).contentType("text/xml");
        assertThat(response.getContentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(response.asString()).isEqualTo(SoapResponses.ACK);
        assertThat(stored()).containsExactly(
                OutboundMessageXml.NOTIFICATION_1 + " Contact " + OutboundMessageXml.CONTACT_1 + " " + orgId,
                OutboundMessageXml.NOTIFICATION_2 + " Contact " + OutboundMessageXml.CONTACT_2 + " " + orgId);
    }

    @Test
    void otherPrefixesA15CharacterOrgIdAndLeadsAreAccepted() {
        String lead = OutboundMessageXml.id("00Q", 7);
        post(url, OutboundMessageXml.otherPrefixes(orgId.substring(0, 15), OutboundMessageXml.id("04l", 7), "Lead",
                lead)).then().statusCode(200);
        post(url, OutboundMessageXml.otherPrefixes(orgId, OutboundMessageXml.id("04l", 8), "Contact",
                OutboundMessageXml.CONTACT_1)).then().statusCode(200);

        assertThat(stored()).containsExactly(OutboundMessageXml.id("04l", 7) + " Lead " + lead + " " + orgId,
                OutboundMessageXml.id("04l", 8) + " Contact " + OutboundMessageXml.CONTACT_1 + " " + orgId);
    }

    @Test
    void aReplayedMessageIsAcknowledgedAgainAndStoredOnce() {
        String message = OutboundMessageXml.sample15(orgId);
        post(url, message).then().statusCode(200);
        post(url, message).then().statusCode(200);
        String overlapping = OutboundMessageXml.withNotifications(orgId, List.of(
                new String[] { OutboundMessageXml.NOTIFICATION_2, OutboundMessageXml.CONTACT_2 },
                new String[] { OutboundMessageXml.id("04l", 3), OutboundMessageXml.CONTACT_2 }));
        post(url, overlapping).then().statusCode(200);

        assertThat(stored()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aHundredNotificationsAreAcceptedAndAHundredAndOneRefused() {
        post(url, OutboundMessageXml.withNotifications(orgId, notifications(101)))
                .then().statusCode(500);
        assertThat(stored()).isEmpty();

        post(url, OutboundMessageXml.withNotifications(orgId, notifications(100))).then().statusCode(200);
        assertThat(stored()).hasSize(100);
    }

    @Test
    void tooManyNotificationsGetAFaultNamingTheLimit() {
        assertFault(post(url, OutboundMessageXml.withNotifications(orgId, notifications(101))),
                "A message carries at most 100 notifications; this one has 101");
    }

    @Test
    void aMessageOfAnotherOrgIsRefused() {
        String otherOrg = OutboundMessageXml.id("00D", 42);
        assertFault(post(url, OutboundMessageXml.sample15(otherOrg)),
                "OrganizationId " + otherOrg + " is not the org tenant " + tenant.id + " is connected to");
        String badChecksum = orgId.substring(0, 15) + "ZZZ";
        assertFault(post(url, OutboundMessageXml.sample15(badChecksum)), "is not the org tenant");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aWrongOrMissingSecretIsRefusedWithoutNamingTheSecret() {
        String secret = url.substring(url.indexOf("secret=") + 7);
        String base = url.substring(0, url.indexOf('?'));
        String wrong = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        Response wrongSecret = post(base + "?secret=" + wrong, OutboundMessageXml.sample15(orgId));
        assertFault(wrongSecret, "The endpoint secret does not match tenant " + tenant.id);
        assertFault(post(base, OutboundMessageXml.sample15(orgId)), "The endpoint URL lacks its secret");
        assertFault(post(base + "?secret=", OutboundMessageXml.sample15(orgId)), "The endpoint URL lacks its secret");

        assertThat(wrongSecret.asString()).doesNotContain(secret).doesNotContain(wrong);
        assertThat(stored()).isEmpty();
    }

    @Test
    void anotherTenantsSecretAndUnknownTenantsAreRefused() {
        ConnectedTenant other = new ConnectedTenant(emulator, database, false);
        String otherUrl = as(other.admin).get(connectionPath(other.id)).then().extract().path("outboundMessageUrl");
        String otherSecret = otherUrl.substring(otherUrl.indexOf("secret=") + 7);

        assertFault(post(url.substring(0, url.indexOf('?')) + "?secret=" + otherSecret,
                OutboundMessageXml.sample15(orgId)), "The endpoint secret does not match");
        String unknown = TestTokens.newTenantId();
        assertFault(post(url.replace(tenant.id, unknown), OutboundMessageXml.sample15(orgId)),
                "The endpoint secret does not match tenant " + unknown);
        assertFault(post(url.replace(tenant.id, "bad%20tenant"), OutboundMessageXml.sample15(orgId)),
                "Unknown tenant");
        assertThat(stored()).isEmpty();
    }

    @Test
    void malformedXmlAndOtherContentAreRefused() {
        String sample = OutboundMessageXml.sample15(orgId);
        assertFault(post(url, sample.substring(0, sample.length() / 2)), "The body is not well-formed XML");
        assertFault(post(url, "{\"OrganizationId\":\"" + orgId + "\"}"), "The body is not well-formed XML");
        assertFault(given().contentType("application/json").body(sample).post(url),
                "Content-Type must be text/xml");
        assertFault(post(url, "<a:Envelope xmlns:a=\"urn:other\"><a:Body/></a:Envelope>"),
                "Not a SOAP 1.1 envelope");
        assertFault(post(url, sample.replace("sf:Contact", "sf:Account")), "sObject type 'sf:Account' is not synced");
        assertFault(post(url, sample.replace(OutboundMessageXml.CONTACT_1, "001n000000KABYLAA5")),
                "is not a Contact id");
        assertFault(post(url, sample.replace("<Id>" + OutboundMessageXml.NOTIFICATION_2, "<Id>x")),
                "Notification Id is not a 15 or 18 character Salesforce id");
        assertThat(stored()).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefused() {
        String sample = OutboundMessageXml.sample15(orgId);
        String padded = sample.replace("<soapenv:Body>", "<!--" + "x".repeat(1024 * 1024) + "--><soapenv:Body>");
        assertFault(post(url, padded), "The body is larger than this endpoint accepts (1048576 bytes)");
        assertThat(stored()).isEmpty();
    }

    @Test
    void disconnectingFailsWaitingNotificationsAndVoidsTheUrl() {
        post(url, OutboundMessageXml.sample15(orgId)).then().statusCode(200);

        as(tenant.admin).delete(connectionPath(tenant.id)).then().statusCode(204);

        assertThat(StoredNotifications.statuses(database, tenant.id))
                .containsExactly(OutboundMessageXml.NOTIFICATION_1 + " FAILED", OutboundMessageXml.NOTIFICATION_2
                        + " FAILED");
        assertFault(post(url, OutboundMessageXml.sample15(orgId)), "The endpoint secret does not match");
        tenant.autoSync(false);
        assertFault(post(url, OutboundMessageXml.sample15(orgId)), "The endpoint secret does not match");
    }

    private List<String[]> notifications(int count) {
        List<String[]> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new String[] { OutboundMessageXml.id("04l", 1000 + i), OutboundMessageXml.id("003", 1000 + i) });
        }
        return ids;
    }

    /**
     * Posts like Salesforce does. Pretty printing is off: RestAssured's log-on-failure filter would
     * otherwise parse every hostile body with a default-configured parser that prints {@code [Fatal
     * Error]} lines to stderr, hiding whether the service's own parser prints anything.
     */
    static Response post(String url, String body) {
        return given().config(RestAssured.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)))
                .contentType("text/xml; charset=utf-8").header("SOAPAction", "\"\"").body(body).post(url);
    }

    static void assertFault(Response response, String faultString) {
        response.then().statusCode(500).contentType("text/xml");
        String body = response.asString();
        assertThat(body).contains("<faultcode>soapenv:Client</faultcode>");
        assertThat(body.substring(body.indexOf("<faultstring>"), body.indexOf("</faultstring>")))
                .contains(SoapResponses.escape(faultString));
        assertThat(response.asString()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope");
    }

    /** The tenant's stored notifications, oldest first, as "notification type record org". */
    private List<String> stored() {
        return StoredNotifications.of(database, tenant.id);
    }
}
