package io.memberpulse.salesforce.emulator;

import static io.memberpulse.salesforce.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sObject Collections contract (reference §2.3, samples 5-6). */
class EmulatorCollectionsTest extends EmulatorTestBase {

    @Test
    void createWithMixedResultIsHttp200WithStatusCodeInErrors() {
        HttpResponse<String> resp = http.post(V + "/composite/sobjects", Map.of("allOrNone", false, "records", List.of(
                contact(Map.of("FirstName", "No last name")),
                contact(Map.of("LastName", "Fine")))));

        assertThat(resp.statusCode()).isEqualTo(200);
        List<Map<String, Object>> results = EmulatorHttp.array(resp);
        assertThat(results.get(0)).doesNotContainKey("id").containsEntry("success", false)
                .containsEntry("errors", List.of(Map.of("statusCode", "REQUIRED_FIELD_MISSING",
                        "message", "Required fields are missing: [LastName]", "fields", List.of("LastName"))));
        assertThat(results.get(1)).containsEntry("success", true).containsEntry("errors", List.of());
        assertThat((String) results.get(1).get("id")).startsWith("003");
        assertThat(emulator.defaultOrg().records("Contact")).hasSize(1);
        assertThat(emulator.callLog().batchSizes("collections.create")).containsExactly(2);
    }

    @Test
    void updateAllOrNoneRollsBackTheGoodRecords() {
        String good = emulator.defaultOrg().seed("Contact", Map.of("LastName", "Before"));
        HttpResponse<String> resp = http.patch(V + "/composite/sobjects", Map.of("allOrNone", true, "records", List.of(
                contact(Map.of("id", good, "LastName", "After")),
                contact(Map.of("id", "001xx000003DGb2999", "Title", "Lead Engineer")))));

        assertThat(resp.statusCode()).isEqualTo(200);
        List<Map<String, Object>> results = EmulatorHttp.array(resp);
        assertThat(results.get(0)).isEqualTo(Map.of("id", good, "success", false, "errors", List.of(Map.of(
                "statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "message", "Record rolled back because not all records were valid and the request was using AllOrNone header",
                "fields", List.of()))));
        assertThat(results.get(1)).isEqualTo(Map.of("success", false, "errors", List.of(Map.of(
                "statusCode", "MALFORMED_ID", "message", "Contact ID: id value of incorrect type: 001xx000003DGb2999",
                "fields", List.of("Id")))));
        assertThat(emulator.defaultOrg().record(good).get("LastName")).isEqualTo("Before");
    }

    @Test
    void upsertReportsCreatedTrueAndFalse() {
        emulator.defaultOrg().seed("Contact", Map.of("LastName", "Existing", "MemberPulse_Id__c", "BBB"));
        HttpResponse<String> resp = http.patch(V + "/composite/sobjects/Contact/MemberPulse_Id__c", Map.of(
                "allOrNone", false, "records", List.of(
                        contact(Map.of("LastName", "New", "MemberPulse_Id__c", "AAA")),
                        contact(Map.of("LastName", "Changed", "MemberPulse_Id__c", "BBB")))));

        List<Map<String, Object>> results = EmulatorHttp.array(resp);
        assertThat(results.get(0)).containsEntry("success", true).containsEntry("created", true);
        assertThat(results.get(1)).containsEntry("success", true).containsEntry("created", false);
        assertThat(emulator.defaultOrg().store().findBy("Contact", "MemberPulse_Id__c", "BBB").get(0).get("LastName"))
                .isEqualTo("Changed");
        assertThat(emulator.callLog().batchSizes("collections.upsert")).containsExactly(2);
    }

    @Test
    void moreThan200RecordsIsRejected() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(contact(Map.of("LastName", "N" + i)));
        }
        HttpResponse<String> resp = http.post(V + "/composite/sobjects", Map.of("records", records));
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(resp.body()).contains("EXCEEDED_ID_LIMIT");
        assertThat(emulator.defaultOrg().records("Contact")).isEmpty();
    }

    @Test
    void deleteByIds() {
        String a = emulator.defaultOrg().seed("Contact", Map.of("LastName", "A"));
        HttpResponse<String> resp = http.delete(V + "/composite/sobjects?ids=" + a + ",003000000000000AAA&allOrNone=false");
        List<Map<String, Object>> results = EmulatorHttp.array(resp);
        assertThat(results.get(0)).isEqualTo(Map.of("id", a, "success", true, "errors", List.of()));
        assertThat(results.get(1)).containsEntry("success", false);
        assertThat(emulator.defaultOrg().record(a).isDeleted()).isTrue();
    }

    @Test
    void unableToLockRowFaultHitsAShareOfRecords() {
        emulator.faults().unableToLockRow(1.0);
        HttpResponse<String> resp = http.post(V + "/composite/sobjects", Map.of("records",
                List.of(contact(Map.of("LastName", "A")))));
        assertThat(EmulatorHttp.array(resp).get(0)).containsEntry("success", false);
        assertThat(resp.body()).contains("\"statusCode\":\"UNABLE_TO_LOCK_ROW\"")
                .contains("unable to obtain exclusive access to this record");
        emulator.faults().unableToLockRow(0.5).seed(7);
        int failures = 0;
        for (int i = 0; i < 4; i++) {
            failures += (int) EmulatorHttp.array(http.post(V + "/composite/sobjects", Map.of("records", List.of(
                    contact(Map.of("LastName", "B")), contact(Map.of("LastName", "C"))))))
                    .stream().filter(r -> r.get("success").equals(false)).count();
        }
        assertThat(failures).isBetween(1, 7);
    }

    @Test
    void unknownFieldFailsTheWholeRequest() {
        HttpResponse<String> resp = http.post(V + "/composite/sobjects", Map.of("records", List.of(
                contact(Map.of("LastName", "A")), contact(Map.of("LastName", "B", "Nope__c", "x")))));
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(resp.body()).isEqualTo(
                "[{\"message\":\"No such column 'Nope__c' on sobject of type Contact\",\"errorCode\":\"INVALID_FIELD\"}]");
    }

    @Test
    void createWithIdFailsThatRecordOnly() {
        List<Map<String, Object>> results = EmulatorHttp.array(http.post(V + "/composite/sobjects", Map.of("records",
                List.of(contact(Map.of("LastName", "A", "Id", "0035g00000AbCdEAAV")), contact(Map.of("LastName", "B"))))));
        assertThat(results.get(0)).containsEntry("success", false).doesNotContainKey("id");
        assertThat(results.get(0).toString()).contains("INVALID_FIELD");
        assertThat(results.get(1)).containsEntry("success", true);
    }

    private static Map<String, Object> contact(Map<String, Object> fields) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("attributes", Map.of("type", "Contact"));
        record.putAll(fields);
        return record;
    }
}
