package io.memberpulse.salesforce.emulator;

import static io.memberpulse.salesforce.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CometD streaming with the real CometD client (reference §4-5, samples 9-14). */
class EmulatorCometdTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String CONTACTS = "/data/ContactChangeEvent";
    static SalesforceEmulator emulator;
    EmulatorHttp http;
    String token;
    CometdTestClient client;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(0, EmulatorSettings.defaults().withCometdHold(Duration.ofMillis(800)));
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        emulator.reset();
        http = new EmulatorHttp(emulator.baseUrl()).login("emulator-client", "emulator-secret");
        token = emulator.oauth().issueAccessToken(emulator.defaultOrg());
        client = new CometdTestClient(emulator.baseUrl(), "62.0", token);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @Test
    void handshakeReplyAdvertisesReplay() {
        assertThat(client.handshake()).isTrue();
        Message reply = client.handshakeReplies.get(0);
        assertThat(reply.isSuccessful()).isTrue();
        assertThat(reply.getExt()).containsEntry("replay", true).containsEntry("payload.format", true);
        assertThat(reply.get("reestablish")).isEqualTo(false);
        // The previous test's client disconnects asynchronously; it is gone within moments.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> emulator.streaming().clients(emulator.defaultOrg().orgId()) == 1);
    }

    @Test
    void restWritesProduceCdcEventsWithClientInChangeOrigin() throws Exception {
        assertThat(client.handshake()).isTrue();
        assertThat(client.subscribe(CONTACTS, -1).isSuccessful()).isTrue();

        String id = (String) EmulatorHttp.object(http.post(V + "/sobjects/Contact", Map.of("LastName", "Hopper",
                "FirstName", "Grace"))).get("id");
        Message created = client.nextEvent(WAIT);
        assertThat(created).isNotNull();
        assertThat(created.getChannel()).isEqualTo(CONTACTS);
        Map<String, Object> header = CometdTestClient.header(created);
        assertThat(header).containsEntry("entityName", "Contact").containsEntry("changeType", "CREATE")
                .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0;client=memberpulse-test")
                .containsEntry("recordIds", List.of(id)).containsEntry("sequenceNumber", 1)
                .containsEntry("changedFields", List.of())
                .containsKeys("transactionKey", "commitTimestamp", "commitNumber", "commitUser")
                .doesNotContainKeys("nulledFields", "diffFields");
        assertThat(CometdTestClient.payload(created)).containsEntry("Name", Map.of("FirstName", "Grace",
                "LastName", "Hopper")).doesNotContainKey("Id");

        http.patch(V + "/sobjects/Contact/" + id, Map.of("Phone", "+44 20 7946 0958", "LastName", "Hopper"));
        Message updated = client.nextEvent(WAIT);
        assertThat(CometdTestClient.header(updated)).containsEntry("changeType", "UPDATE")
                .containsEntry("changedFields", List.of("Phone", "LastModifiedDate"));
        assertThat(CometdTestClient.payload(updated)).containsEntry("Phone", "+44 20 7946 0958")
                .containsKey("LastModifiedDate").doesNotContainKey("Name");
        assertThat((String) CometdTestClient.payload(updated).get("LastModifiedDate")).endsWith(".000Z");
        assertThat(CometdTestClient.replayId(updated)).isGreaterThan(CometdTestClient.replayId(created));

        http.callOptions(null).delete(V + "/sobjects/Contact/" + id);
        Message deleted = client.nextEvent(WAIT);
        assertThat(CometdTestClient.header(deleted)).containsEntry("changeType", "DELETE")
                .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0");
    }

    @Test
    void replayFromAllRetainedAndFromStoredId() throws Exception {
        EmulatedOrg org = emulator.defaultOrg();
        String a = org.userCreate("Contact", Map.of("LastName", "A"));
        org.userUpdate("Contact", a, Map.of("Title", "CEO"));
        org.userCreate("Contact", Map.of("LastName", "B"));
        assertThat(client.handshake()).isTrue();

        assertThat(client.subscribe(CONTACTS, -2).isSuccessful()).isTrue();
        Message first = client.nextEvent(WAIT);
        Message second = client.nextEvent(WAIT);
        Message third = client.nextEvent(WAIT);
        assertThat(List.of(first, second, third)).extracting(e -> CometdTestClient.header(e).get("changeType"))
                .containsExactly("CREATE", "UPDATE", "CREATE");
        assertThat(CometdTestClient.header(second).get("changeOrigin"))
                .isEqualTo("com/salesforce/api/soap/62.0;client=SfdcInternalAPI/");

        try (CometdTestClient resumed = new CometdTestClient(emulator.baseUrl(), "55.0", token)) {
            assertThat(resumed.handshake()).isTrue();
            assertThat(resumed.subscribe(CONTACTS, CometdTestClient.replayId(first)).isSuccessful()).isTrue();
            assertThat(CometdTestClient.replayId(resumed.nextEvent(WAIT))).isEqualTo(CometdTestClient.replayId(second));
            assertThat(CometdTestClient.replayId(resumed.nextEvent(WAIT))).isEqualTo(CometdTestClient.replayId(third));
            assertThat(resumed.nextEvent(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void replayIdOutsideRetentionIsRejectedWithSalesforceError() throws Exception {
        EmulatedOrg org = emulator.defaultOrg();
        org.userCreate("Contact", Map.of("LastName", "Old"));
        long old = org.events().lastReplayId();
        org.userCreate("Contact", Map.of("LastName", "Older"));
        emulator.clock().advance(Duration.ofHours(73));
        client.token(emulator.oauth().issueAccessToken(org));
        assertThat(client.handshake()).isTrue();

        Message reply = client.subscribe(CONTACTS, old - 1);

        assertThat(reply.isSuccessful()).isFalse();
        assertThat(reply.get("error")).isEqualTo("400::The replayId {" + (old - 1) + "} you provided was invalid."
                + "  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        assertThat(client.subscribe(CONTACTS, -2).isSuccessful()).isTrue();
        assertThat(client.nextEvent(Duration.ofMillis(300))).isNull();
    }

    @Test
    void idleTokenExpiresAfterTheSessionTimeout() {
        client.token(emulator.oauth().issueAccessToken(emulator.defaultOrg()));
        emulator.clock().advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(client.handshake()).isFalse();
        await().atMost(WAIT).until(() -> !client.handshakeReplies.isEmpty());
        assertThat(client.handshakeReplies.get(0).get("error")).isEqualTo("403::Handshake denied");
    }

    @Test
    void droppedClientsGetUnknownClient() {
        assertThat(client.handshake()).isTrue();
        emulator.faults().dropCometdClients();
        await().atMost(WAIT).until(() -> client.connectReplies.stream().anyMatch(m -> !m.isSuccessful()));
        Message failed = client.connectReplies.stream().filter(m -> !m.isSuccessful()).findFirst().orElseThrow();
        assertThat(failed.get("error")).isEqualTo("403::Unknown client");
        assertThat(failed.getAdvice()).containsEntry("reconnect", "handshake").containsEntry("interval", 0);
    }

    @Test
    void expiredSessionGets401OnConnect() {
        assertThat(client.handshake()).isTrue();
        emulator.faults().expireAllSessions();
        await().atMost(WAIT).until(() -> client.connectReplies.stream().anyMatch(m -> !m.isSuccessful()));
        Message failed = client.connectReplies.stream().filter(m -> !m.isSuccessful()).findFirst().orElseThrow();
        assertThat(failed.get("error")).isEqualTo("401::Authentication invalid");
        assertThat(failed.getAdvice()).containsEntry("reconnect", "none");
    }

    @Test
    @SuppressWarnings("unchecked")
    void handshakeWithBadTokenIsDenied() {
        client.token("00D000000000000!expired");
        assertThat(client.handshake()).isFalse();
        await().atMost(WAIT).until(() -> !client.handshakeReplies.isEmpty());
        Message reply = client.handshakeReplies.get(0);
        assertThat(reply.get("error")).isEqualTo("403::Handshake denied");
        assertThat((Map<String, Object>) reply.getExt().get("sfdc")).containsEntry("failureReason",
                "401::Authentication invalid");
        assertThat(reply.getAdvice()).containsEntry("reconnect", "none");
    }

    @Test
    void eventsStayInTheirOrg() throws Exception {
        EmulatedOrg other = emulator.createOrg("other-client", "other-secret");
        try (CometdTestClient otherClient = new CometdTestClient(emulator.baseUrl(), "62.0",
                emulator.oauth().issueAccessToken(other))) {
            assertThat(otherClient.scheme("OAuth").handshake()).isTrue();
            assertThat(otherClient.subscribe(CONTACTS, -1).isSuccessful()).isTrue();
            assertThat(client.handshake()).isTrue();
            assertThat(client.subscribe(CONTACTS, -1).isSuccessful()).isTrue();

            emulator.defaultOrg().userCreate("Contact", Map.of("LastName", "Mine"));

            assertThat(client.nextEvent(WAIT)).isNotNull();
            assertThat(otherClient.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void gapOverflowPlatformEventsAndMerges() throws Exception {
        EmulatedOrg org = emulator.defaultOrg();
        String winner = org.seed("Contact", Map.of("LastName", "Winner"));
        String loser = org.seed("Contact", Map.of("LastName", "Loser"));
        assertThat(client.handshake()).isTrue();
        assertThat(client.subscribe(CONTACTS, -1).isSuccessful()).isTrue();
        assertThat(client.subscribe("/event/Low_Ink__e", -1).isSuccessful()).isTrue();

        emulator.publishGap(org, "Contact", "GAP_UPDATE", winner);
        Map<String, Object> gap = CometdTestClient.header(client.nextEvent(WAIT));
        assertThat(gap).containsEntry("changeType", "GAP_UPDATE").containsEntry("changeOrigin", "")
                .containsEntry("recordIds", List.of(winner));

        emulator.publishOverflow(org, "Contact");
        assertThat(CometdTestClient.header(client.nextEvent(WAIT))).containsEntry("changeType", "GAP_OVERFLOW")
                .containsEntry("recordIds", List.of("000000000000000AAA"));

        emulator.publishPlatformEvent(org, "Low_Ink__e", Map.of("Printer_Model__c", "XZO-5"));
        Message platform = client.nextEvent(WAIT);
        assertThat(platform.getChannel()).isEqualTo("/event/Low_Ink__e");
        assertThat(CometdTestClient.payload(platform)).containsEntry("Printer_Model__c", "XZO-5");
        assertThat((Map<String, Object>) platform.getDataAsMap().get("event")).containsKeys("EventUuid", "replayId");

        org.merge(winner, loser);
        Message merged = client.nextEvent(WAIT);
        assertThat(CometdTestClient.header(merged)).containsEntry("changeType", "DELETE")
                .containsEntry("recordIds", List.of(loser));
        assertThat(CometdTestClient.payload(merged)).containsEntry("MasterRecordId", winner);
    }

    @Test
    void leadConversionCreatesContactAndUpdatesLead() throws Exception {
        EmulatedOrg org = emulator.defaultOrg();
        String lead = org.seed("Lead", Map.of("LastName", "Prospect", "Company", "Acme", "Email", "p@acme.test"));
        assertThat(client.handshake()).isTrue();
        assertThat(client.subscribe("/data/ChangeEvents", -1).isSuccessful()).isTrue();

        String contact = org.convertLead(lead);

        assertThat(org.record(lead).get("IsConverted")).isEqualTo(true);
        assertThat(org.record(lead).get("ConvertedContactId")).isEqualTo(contact);
        assertThat(org.record(contact).get("Email")).isEqualTo("p@acme.test");
        List<String> entities = List.of(client.nextEvent(WAIT), client.nextEvent(WAIT), client.nextEvent(WAIT))
                .stream().map(e -> (String) CometdTestClient.header(e).get("entityName")).toList();
        assertThat(entities).containsExactly("Account", "Contact", "Lead");
    }
}
