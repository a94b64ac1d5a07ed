package io.memberpulse.salesforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CometD client factory against the emulator's real CometD server. */
@QuarkusTest
@QuarkusTestResource(SalesforceEmulatorTestResource.class)
class StreamingClientsTest {

    static final String CONTACTS = "/data/ContactChangeEvent";

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    StreamingClients streaming;

    @Inject
    SalesforceClient salesforce;

    OrgCredentials org;
    StreamingConnection connection;
    final BlockingQueue<Message> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void tenant() {
        org = OrgCredentials.clientCredentials(TestTokens.newTenantId(), emulator.baseUrl(),
                SalesforceEmulator.DEFAULT_CLIENT_ID, SalesforceEmulator.DEFAULT_CLIENT_SECRET);
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.client().disconnect(2000);
        }
    }

    @Test
    void subscribesWithBearerAuthAndReceivesChangeEventsOfOurOwnWritesMarkedWithOurClientName() throws Exception {
        connection = connectFrom(ReplayExtension.NEW_EVENTS);
        assertThat(connection.replay().isSupported()).isTrue();

        String id = salesforce.create(org, SObject.of("Contact", Map.of("LastName", "Turing")))
                .await().atMost(Duration.ofSeconds(10));

        Map<String, Object> header = header(nextEvent());
        assertThat(header).containsEntry("changeType", "CREATE").containsEntry("recordIds", List.of(id));
        assertThat((String) header.get("changeOrigin")).endsWith("client=memberpulse-test");
    }

    @Test
    void aNewConnectionResumesAfterTheStoredReplayId() throws Exception {
        connection = connectFrom(ReplayExtension.NEW_EVENTS);
        salesforce.create(org, SObject.of("Contact", Map.of("LastName", "First"))).await().indefinitely();
        long firstReplayId = replayId(nextEvent());
        connection.client().disconnect(2000);

        String second = salesforce.create(org, SObject.of("Contact", Map.of("LastName", "Second")))
                .await().indefinitely();
        connection = connectFrom(firstReplayId);

        Message resumed = nextEvent();
        assertThat(header(resumed).get("recordIds")).isEqualTo(List.of(second));
        assertThat(replayId(resumed)).isGreaterThan(firstReplayId);
    }

    private StreamingConnection connectFrom(long replayId) throws InterruptedException {
        AccessToken session = salesforce.session(org).await().atMost(Duration.ofSeconds(10));
        StreamingConnection opened = streaming.connect(session, Map.of(CONTACTS, replayId));
        BayeuxClient client = opened.client();
        client.handshake();
        assertThat(client.waitFor(10_000, BayeuxClient.State.CONNECTED)).isTrue();
        BlockingQueue<Message> subscribed = new LinkedBlockingQueue<>();
        client.getChannel(CONTACTS).subscribe((channel, message) -> events.add(message), subscribed::add);
        Message reply = subscribed.poll(10, TimeUnit.SECONDS);
        assertThat(reply).isNotNull();
        assertThat(reply.isSuccessful()).as(String.valueOf(reply)).isTrue();
        return opened;
    }

    private Message nextEvent() throws InterruptedException {
        Message message = events.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a change event within 10 s").isNotNull();
        return message;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(Message message) {
        Map<String, Object> payload = (Map<String, Object>) message.getDataAsMap().get("payload");
        return (Map<String, Object>) payload.get("ChangeEventHeader");
    }

    @SuppressWarnings("unchecked")
    private static long replayId(Message message) {
        Map<String, Object> event = (Map<String, Object>) message.getDataAsMap().get("event");
        return ((Number) event.get("replayId")).longValue();
    }
}
