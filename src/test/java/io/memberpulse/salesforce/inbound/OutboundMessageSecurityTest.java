package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.inbound.OutboundMessageEndpointTest.assertFault;
import static io.memberpulse.salesforce.inbound.OutboundMessageEndpointTest.post;
import static io.memberpulse.salesforce.support.Api.as;
import static io.memberpulse.salesforce.support.Api.connectionPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile Outbound Messages (XXE, billion laughs, external DTDs) read nothing and store nothing; the
 * endpoint secret is shown to admins only and never reaches a log line.
 */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class OutboundMessageSecurityTest {

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    ConnectedTenant tenant;
    String orgId;
    String url;

    @BeforeEach
    void connectedTenant() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        tenant = new ConnectedTenant(emulator, database, false);
        as(tenant.admin).post(connectionPath(tenant.id) + "/test").then().statusCode(200);
        orgId = emulator.defaultOrg().orgId();
        url = as(tenant.admin).get(connectionPath(tenant.id)).then().statusCode(200)
                .extract().path("outboundMessageUrl");
    }

    @AfterEach
    void detach() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void anExternalEntityNeverReadsTheFile() throws Exception {
        String marker = "file-content-" + UUID.randomUUID();
        Path file = Files.createTempFile("xxe", ".txt");
        Files.writeString(file, marker);
        try {
            String doctype = "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>";
            String xxe = OutboundMessageXml.sample15(orgId)
                    .replace("<soapenv:Envelope", doctype + "<soapenv:Envelope")
                    .replace("<sf:LastName>JONES</sf:LastName>", "<sf:LastName>&xxe;</sf:LastName>");
            String xxeInId = OutboundMessageXml.sample15("&xxe;")
                    .replace("<soapenv:Envelope", doctype + "<soapenv:Envelope");
            String withoutDeclaration = OutboundMessageXml.sample15(orgId)
                    .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
            String parameterEntity = "<!DOCTYPE foo [<!ENTITY % dtd SYSTEM \"" + file.toUri() + "\"> %dtd;]>"
                    + withoutDeclaration;
            String externalDtd = "<!DOCTYPE foo SYSTEM \"" + file.toUri() + "\">" + withoutDeclaration;

            for (String payload : List.of(xxe, xxeInId, parameterEntity, externalDtd)) {
                Response response = post(url, payload);
                assertFault(response, "DTDs are not allowed: the body has a DOCTYPE declaration");
                assertThat(response.asString()).doesNotContain(marker);
            }
            String undeclared = OutboundMessageXml.sample15(orgId)
                    .replace("<sf:LastName>JONES</sf:LastName>", "<sf:LastName>&xxe;</sf:LastName>");
            assertFault(post(url, undeclared), "Entity declarations and references are not allowed");
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(StoredNotifications.of(database, tenant.id)).isEmpty();
        assertThat(StoredNotifications.query(database, "select count(*) from outbound_message_notification "
                + "where record_id like '%' || ? || '%'", marker)).containsExactly("0");
        assertThat(lines).noneMatch(line -> line.contains(marker));
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + OutboundMessageXml.sample15(orgId)
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length())
                .replace("<sf:LastName>JONES</sf:LastName>", "<sf:LastName>&lol9;</sf:LastName>");

        assertFault(post(url, bomb), "DTDs are not allowed");
        assertThat(StoredNotifications.of(database, tenant.id)).isEmpty();
    }

    @Test
    void refusedBodiesAreParsedOffTheEventLoopAndPrintNothing() {
        String doctype = "<!DOCTYPE x [<!ENTITY e \"v\">]>" + OutboundMessageXml.sample15(orgId)
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        // The service runs in this JVM: whatever its parser printed would land here.
        System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertFault(post(url, doctype), "DTDs are not allowed");
            assertFault(post(url, "<soapenv:Envelope"), "The body is not well-formed XML");
            post(url, OutboundMessageXml.sample15(orgId)).then().statusCode(200);
        } finally {
            System.setErr(stderr);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("[Fatal Error]");
        assertThat(StoredNotifications.of(database, tenant.id)).as("sample 15 names two records").hasSize(2);
    }

    @Test
    void theEndpointUrlIsShownToAdminsOnly() {
        assertThat(url).matches("http://[^/]+/salesforce/outbound-messages/" + tenant.id
                + "\\?secret=[A-Za-z0-9_-]{43}");
        String again = as(tenant.admin).get(connectionPath(tenant.id)).then().extract().path("outboundMessageUrl");
        assertThat(again).as("the secret is made once").isEqualTo(url);
        String platform = as(TestTokens.platformAdmin()).get(connectionPath(tenant.id)).then().statusCode(200)
                .extract().path("outboundMessageUrl");
        assertThat(platform).isEqualTo(url);

        String viewerBody = as(TestTokens.viewer(tenant.id)).get(connectionPath(tenant.id)).then().statusCode(200)
                .extract().asString();
        assertThat(viewerBody).doesNotContain("outboundMessageUrl").doesNotContain(secretOf(url));
        Map<String, Object> viewerView = as(TestTokens.viewer(tenant.id)).get(connectionPath(tenant.id)).then()
                .extract().as(Map.class);
        assertThat(viewerView).containsKey("orgId").doesNotContainKey("outboundMessageUrl");
    }

    @Test
    void theSecretNeverReachesTheLogs() {
        String secret = secretOf(url);
        post(url, OutboundMessageXml.sample15(orgId)).then().statusCode(200);
        post(url.replace(secret, secret.substring(1) + "x"), OutboundMessageXml.sample15(orgId)).then().statusCode(500);
        post(url, "<not-xml").then().statusCode(500);
        post(url, OutboundMessageXml.sample15(OutboundMessageXml.id("00D", 5))).then().statusCode(500);
        as(tenant.admin).get(connectionPath(tenant.id)).then().statusCode(200);

        assertThat(lines).anyMatch(line -> line.contains("Outbound Message"));
        assertThat(lines).noneMatch(line -> line.contains(secret) || line.contains(secret.substring(1)));
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("memberpulse_inbound_outbound_messages_total{outcome=\"acknowledged\"")
                .contains("memberpulse_inbound_outbound_messages_total{outcome=\"refused\"").doesNotContain(secret);
    }

    private static String secretOf(String url) {
        return url.substring(url.indexOf("secret=") + 7);
    }
}
