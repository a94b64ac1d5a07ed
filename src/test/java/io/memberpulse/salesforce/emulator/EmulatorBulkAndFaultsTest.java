package io.memberpulse.salesforce.emulator;

import static io.memberpulse.salesforce.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest, outage and latency faults, and concurrent use. */
class EmulatorBulkAndFaultsTest extends EmulatorTestBase {

    @Test
    void bulkUpsertJobReportsSuccessesAndFailures() throws Exception {
        emulator.defaultOrg().seed("Contact", Map.of("LastName", "Old", "MemberPulse_Id__c", "M-2"));
        Map<String, Object> job = EmulatorHttp.object(http.post(V + "/jobs/ingest", Map.of("object", "Contact",
                "operation", "upsert", "externalIdFieldName", "MemberPulse_Id__c", "contentType", "CSV",
                "lineEnding", "LF")));
        assertThat(job).containsEntry("state", "Open").containsEntry("object", "Contact");
        String id = (String) job.get("id");
        assertThat(id).startsWith("750");

        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + V + "/jobs/ingest/" + id + "/batches"))
                .header("Authorization", "Bearer " + emulator.oauth().issueAccessToken(emulator.defaultOrg()))
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("MemberPulse_Id__c,LastName,Email\n"
                        + "M-1,\"Smith, Jr\",a@example.org\nM-2,New,b@example.org\nM-3,,bad\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(201);
        assertThat(EmulatorHttp.object(http.patch(V + "/jobs/ingest/" + id, Map.of("state", "UploadComplete"))))
                .containsEntry("state", "UploadComplete");

        // Processing is asynchronous, as in Salesforce: poll until the job completes.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> "JobComplete".equals(EmulatorHttp.object(http.get(V + "/jobs/ingest/" + id)).get("state")));
        Map<String, Object> done = EmulatorHttp.object(http.get(V + "/jobs/ingest/" + id));
        assertThat(done).containsEntry("state", "JobComplete").containsEntry("numberRecordsProcessed", 3)
                .containsEntry("numberRecordsFailed", 1);
        String successes = http.get(V + "/jobs/ingest/" + id + "/successfulResults").body();
        assertThat(successes).startsWith("\"sf__Id\",\"sf__Created\",\"MemberPulse_Id__c\",\"LastName\",\"Email\"\n")
                .contains("\"true\",\"M-1\",\"Smith, Jr\"").contains("\"false\",\"M-2\",\"New\"");
        assertThat(http.get(V + "/jobs/ingest/" + id + "/failedResults").body())
                .contains("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
        assertThat(emulator.defaultOrg().records("Contact")).hasSize(2);
    }

    @Test
    void outageAs503AndAsRefusedConnections() {
        emulator.faults().outage(Duration.ofMillis(300), Faults.OutageMode.HTTP_503);
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(503);
        assertThat(http.form("/services/oauth2/token", Map.of("grant_type", "client_credentials")).statusCode())
                .isEqualTo(503);
        await().atMost(Duration.ofSeconds(3)).until(() -> http.get(V + "/limits").statusCode() == 200);

        emulator.faults().outage(Duration.ofMillis(500), Faults.OutageMode.CONNECTION_REFUSED);
        assertThatThrownBy(() -> http.get(V + "/limits")).isInstanceOf(UncheckedIOException.class);
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> http.get(V + "/limits").statusCode() == 200);
    }

    @Test
    void latencyIsAddedToEveryCall() {
        emulator.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertThat(http.get(V + "/limits").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void concurrentUpsertsAreCountedExactly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = emulator.oauth().issueAccessToken(emulator.defaultOrg());
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + V
                    + "/sobjects/Contact/MemberPulse_Id__c/C-" + (i % 50)))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"LastName\":\"N" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get().statusCode());
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(50);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(50);
        assertThat(emulator.defaultOrg().records("Contact")).hasSize(50);
        assertThat(emulator.defaultOrg().limits().used()).isEqualTo(100);
        assertThat(emulator.callLog().count("sobject.upsert")).isEqualTo(100);
    }
}
