package io.memberpulse.salesforce.emulator;

import static io.memberpulse.salesforce.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOQL query contract (reference §2.5, samples 8a/8b). */
class EmulatorQueryTest {

    static SalesforceEmulator emulator;
    EmulatorHttp http;
    EmulatedOrg org;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        org = emulator.defaultOrg();
        http = new EmulatorHttp(emulator.baseUrl()).login("emulator-client", "emulator-secret");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesThroughNextRecordsUrl() {
        for (int i = 0; i < 7; i++) {
            org.seed("Contact", Map.of("LastName", "P" + i));
        }
        emulator.setQueryBatchSize(3);

        Map<String, Object> page = EmulatorHttp.object(http.get(EmulatorHttp.query("SELECT Id, LastName FROM Contact")));
        List<String> keys = new ArrayList<>(page.keySet());
        assertThat(keys).containsExactly("totalSize", "done", "nextRecordsUrl", "records");
        List<Object> all = new ArrayList<>((List<Object>) page.get("records"));
        int pages = 1;
        while (!(Boolean) page.get("done")) {
            String next = (String) page.get("nextRecordsUrl");
            assertThat(next).matches("/services/data/v62\\.0/query/01g[A-Za-z0-9]{15}-\\d+");
            page = EmulatorHttp.object(http.get(next));
            assertThat(page.get("totalSize")).isEqualTo(7);
            all.addAll((List<Object>) page.get("records"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(page).doesNotContainKey("nextRecordsUrl");
        assertThat(all).hasSize(7);
        Map<String, Object> first = (Map<String, Object>) all.get(0);
        assertThat(first.keySet()).containsExactly("attributes", "Id", "LastName");
        assertThat(((Map<String, Object>) first.get("attributes")).get("type")).isEqualTo("Contact");
        assertThat(emulator.callLog().count("query.more")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersOrdersAndFollowsRelationships() {
        String account = org.seed("Account", Map.of("Name", "Acme"));
        org.seed("Contact", Map.of("LastName", "Zed", "AccountId", account, "MemberPulse_Tags__c", "gold;board"));
        org.seed("Contact", Map.of("LastName", "Amy", "Email", "amy@example.org"));
        org.seed("Contact", Map.of("LastName", "Bob", "MemberPulse_Engagement_Score__c", 7.5));

        List<Map<String, Object>> rows = records("SELECT LastName, Account.Name FROM Contact WHERE LastName != 'Amy'"
                + " ORDER BY LastName DESC LIMIT 5");
        assertThat(rows).extracting(r -> r.get("LastName")).containsExactly("Zed", "Bob");
        assertThat(((Map<String, Object>) rows.get(0).get("Account")).get("Name")).isEqualTo("Acme");
        assertThat(rows.get(1).get("Account")).isNull();

        assertThat(records("SELECT Id FROM Contact WHERE LastName IN ('amy', 'Bob')")).hasSize(2);
        assertThat(records("SELECT Id FROM Contact WHERE Email LIKE 'amy@%' OR MemberPulse_Engagement_Score__c > 5"))
                .hasSize(2);
        assertThat(records("SELECT Id FROM Contact WHERE Email = null AND (LastName = 'Zed' OR LastName = 'Bob')"))
                .hasSize(2);
        assertThat(records("SELECT Id FROM Contact WHERE MemberPulse_Tags__c INCLUDES ('gold')")).hasSize(1);
        assertThat(EmulatorHttp.object(http.get(EmulatorHttp.query("SELECT COUNT() FROM Contact"))))
                .containsEntry("totalSize", 3).containsEntry("records", List.of());
    }

    @Test
    void filtersOnSystemModstampAndQueryAllSeesDeleted() {
        String old = org.seed("Contact", Map.of("LastName", "Old"));
        emulator.clock().advance(Duration.ofHours(1));
        String fresh = org.seed("Contact", Map.of("LastName", "Fresh"));
        String cutoff = EmulatorClock.EVENT_FORMAT.format(emulator.clock().now().minus(Duration.ofMinutes(30)))
                .replace(".000Z", "Z").replaceAll("\\.\\d{3}Z", "Z");

        assertThat(records("SELECT Id FROM Contact WHERE SystemModstamp > " + cutoff))
                .extracting(r -> r.get("Id")).containsExactly(fresh);

        org.userDelete(old);
        assertThat(records("SELECT Id FROM Contact")).hasSize(1);
        HttpResponse<String> all = http.get(V + "/queryAll?q=" + java.net.URLEncoder.encode(
                "SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(all.body()).contains(old).contains("\"IsDeleted\":true");
    }

    @Test
    void malformedQueryAndUnknownFieldUseSalesforceErrors() {
        HttpResponse<String> malformed = http.get(EmulatorHttp.query("SELECT Id FROM Contact WHERE"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"errorCode\":\"MALFORMED_QUERY\"").contains("unexpected token");

        HttpResponse<String> invalid = http.get(EmulatorHttp.query("SELECT Id, Shoe__c FROM Contact"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        List<Map<String, Object>> body = EmulatorHttp.array(invalid);
        assertThat(body.get(0)).containsEntry("errorCode", "INVALID_FIELD");
        assertThat((String) body.get(0).get("message")).isEqualTo("\nSELECT Id, Shoe__c FROM Contact\n           ^\n"
                + "ERROR at Row:1:Column:12\nNo such column 'Shoe__c' on entity 'Contact'. If you are attempting to use"
                + " a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL"
                + " or the describe call for the appropriate names.");

        HttpResponse<String> type = http.get(EmulatorHttp.query("SELECT Id FROM Shoe__c"));
        assertThat(type.body()).contains("INVALID_TYPE");
        HttpResponse<String> quoted = http.get(EmulatorHttp.query("SELECT Id FROM Contact WHERE CreatedDate > '2024'"));
        assertThat(quoted.body()).contains("INVALID_FIELD").contains("must be of type dateTime");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(String soql) {
        HttpResponse<String> resp = http.get(EmulatorHttp.query(soql));
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
        return (List<Map<String, Object>>) EmulatorHttp.object(resp).get("records");
    }
}
