package io.memberpulse.salesforce.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound Message sender: envelope of sample 15a, retries until {@code <Ack>true</Ack>} (reference §6). */
class EmulatorOutboundTest {

    static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
            + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><notificationsResponse"
            + " xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse>"
            + "</soapenv:Body></soapenv:Envelope>";
    static SalesforceEmulator emulator;
    HttpServer listener;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @BeforeEach
    void listen() throws IOException {
        emulator.reset();
        emulator.outboundMessages().retryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10));
        listener = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        listener.createContext("/outbound", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|"
                    + exchange.getRequestHeaders().getFirst("SOAPAction"));
            boolean fail = failuresLeft.getAndDecrement() > 0;
            byte[] body = (fail ? "<soapenv:Fault>busy</soapenv:Fault>" : ACK).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void close() {
        listener.stop(0);
    }

    @Test
    void retriesUntilAcknowledged() throws Exception {
        failuresLeft.set(2);
        EmulatedOrg org = emulator.defaultOrg();
        String url = "http://localhost:" + listener.getAddress().getPort() + "/outbound";

        OutboundDelivery delivery = emulator.outboundMessages().send(url, org.orgId(), "Contact", List.of(
                Map.of("Id", "003n000000NOtUbAAL", "LastName", "JONES", "DoNotCall", false, "Description", "<br>"),
                Map.of("Id", "003n000000NOtUcAAL", "LastName", "JONES", "Email", "second.member@example.org")),
                null);

        assertThat(delivery.await(Duration.ofSeconds(5))).isTrue();
        assertThat(delivery.attempts()).extracting(OutboundDelivery.Attempt::status).containsExactly(500, 500, 200);
        assertThat(bodies).hasSize(3).allMatch(b -> b.equals(delivery.envelope()));
        assertThat(contentTypes.get(0)).isEqualTo("text/xml; charset=utf-8|\"\"");
        String xml = delivery.envelope();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope")
                .contains("<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">")
                .contains("<OrganizationId>" + org.orgId() + "</OrganizationId>")
                .contains("<ActionId>04k").contains("<SessionId xsi:nil=\"true\"/>")
                .contains("/services/Soap/c/62.0/" + org.orgId().substring(0, 15) + "</EnterpriseUrl>")
                .contains("<sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">")
                .contains("<sf:Id>003n000000NOtUbAAL</sf:Id>").contains("<sf:DoNotCall>false</sf:DoNotCall>")
                .contains("<sf:Description>&lt;br&gt;</sf:Description>");
        assertThat(delivery.notificationIds()).hasSize(2).allMatch(id -> id.startsWith("04l") && id.length() == 18);
    }

    @Test
    void givesUpAfterTheRetryWindowAndCapsNotifications() throws Exception {
        failuresLeft.set(1000);
        // The window counts from the send: on a loaded machine the first (cold) attempt alone took
        // longer than 150 ms, leaving no room for a retry; 2 s leaves room and still ends the test soon.
        emulator.outboundMessages().retryPolicy(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2));
        String url = "http://localhost:" + listener.getAddress().getPort() + "/outbound";

        OutboundDelivery delivery = emulator.outboundMessages().send(url, emulator.defaultOrg().orgId(), "Lead",
                List.of(Map.of("Id", "00Q000000000001AAA")), "00D!session");

        assertThat(delivery.await(Duration.ofSeconds(5))).isFalse();
        assertThat(delivery.attempts().size()).isGreaterThanOrEqualTo(2);
        assertThat(delivery.attempts()).allMatch(a -> !a.acknowledged());
        assertThat(delivery.envelope()).contains("<SessionId>00D!session</SessionId>");
        List<Map<String, Object>> tooMany = java.util.Collections.nCopies(101, Map.of("Id", "00Q000000000001AAA"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.outboundMessages().send(url,
                emulator.defaultOrg().orgId(), "Lead", tooMany, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
