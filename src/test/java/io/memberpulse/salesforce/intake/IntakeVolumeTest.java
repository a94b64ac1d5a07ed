package io.memberpulse.salesforce.intake;

import static io.memberpulse.salesforce.intake.Events.batch;
import static io.memberpulse.salesforce.intake.Events.data;
import static io.memberpulse.salesforce.intake.Events.event;
import static io.memberpulse.salesforce.intake.Events.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The intake load, 10,000 member.upserted events in 20 batches of 500 with 2,000 distinct
 * companies, all stored. Logs the elapsed time for BENCHMARKS.md; it asserts the outcome, not the time.
 */
@QuarkusTest
class IntakeVolumeTest {

    static final int BATCHES = 20;
    static final int BATCH_SIZE = 500;

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    InboxRows inbox;

    @Test
    void tenThousandEventsInBatchesOf500AreAllStored() throws Exception {
        String warmUp = TestTokens.newTenantId();
        post(TestTokens.service(warmUp), warmUp, bodies(1).get(0)).statusCode(202);

        String tenant = TestTokens.newTenantId();
        String service = TestTokens.service(tenant);
        List<String> bodies = bodies(BATCHES);
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> response = client.send(request(tenant, service, body), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(BATCH_SIZE);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(inbox.count(tenant)).isEqualTo(BATCHES * BATCH_SIZE);
        Log.infof("Intake: %d events in %d sequential batches of %d stored in %d ms (%.0f events/s)",
                BATCHES * BATCH_SIZE, BATCHES, BATCH_SIZE, elapsedMillis,
                BATCHES * BATCH_SIZE * 1000.0 / Math.max(1, elapsedMillis));
    }

    /** Plain JDK client: RestAssured's Groovy body matching would cost more than the service. */
    private HttpRequest request(String tenant, String token, String body) {
        return HttpRequest.newBuilder(base.resolve(Events.path(tenant)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build();
    }

    /** Request bodies, serialized before the clock starts. */
    private static List<String> bodies(int count) throws Exception {
        List<String> bodies = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> events = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                int member = b * BATCH_SIZE + i;
                events.add(event("evt-" + member, "member.upserted", "member-" + member, data(
                        "email", "member" + member + "@example.org", "firstName", "First" + member,
                        "lastName", "Last" + member, "phone", "+1 555 " + member,
                        "company", "Company " + member % 2000, "membershipStatus", "active")));
            }
            bodies.add(JSON.writeValueAsString(batch(events)));
        }
        return bodies;
    }
}
