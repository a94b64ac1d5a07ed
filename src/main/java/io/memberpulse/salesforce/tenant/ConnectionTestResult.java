package io.memberpulse.salesforce.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.mapping.DefaultMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a connection test proved: the org, its API usage, and whether Contact has the fields the sync writes. */
@Schema(name = "ConnectionTestResult")
public record ConnectionTestResult(String orgId, String instanceUrl, ApiUsage apiUsage,
        List<FieldCheck> contactFields, FieldCheck externalIdField, boolean ready, Instant checkedAt) {

    /** The org's daily API requests (24-hour rolling window). */
    @Schema(name = "ApiUsage")
    public record ApiUsage(long used, long max, long remaining) {
    }

    /** One Contact field: whether it exists, and what is wrong with it if anything. */
    @Schema(name = "FieldCheck")
    public record FieldCheck(String name, boolean exists, String problem) {
    }

    static ConnectionTestResult of(String orgId, String instanceUrl, JsonNode limits, JsonNode contactDescribe) {
        JsonNode daily = limits.path("DailyApiRequests");
        long max = daily.path("Max").asLong();
        long remaining = daily.path("Remaining").asLong();
        Map<String, JsonNode> fields = new HashMap<>();
        contactDescribe.path("fields").forEach(field -> fields.put(field.path("name").asText(), field));

        List<FieldCheck> checks = new ArrayList<>();
        for (String name : DefaultMapping.CONTACT_FIELDS) {
            checks.add(fields.containsKey(name) ? new FieldCheck(name, true, null)
                    : new FieldCheck(name, false, "Create the field " + name + " on Contact or change the mapping"));
        }
        FieldCheck externalId = externalIdCheck(fields.get(DefaultMapping.EXTERNAL_ID_FIELD));
        boolean ready = externalId.problem() == null && checks.stream().allMatch(FieldCheck::exists);
        return new ConnectionTestResult(orgId, instanceUrl, new ApiUsage(max - remaining, max, remaining), checks,
                externalId, ready, Instant.now());
    }

    private static FieldCheck externalIdCheck(JsonNode field) {
        String name = DefaultMapping.EXTERNAL_ID_FIELD;
        if (field == null) {
            return new FieldCheck(name, false, "Create " + name + " on Contact as a unique External ID text field");
        }
        if (!field.path("externalId").asBoolean(false)) {
            return new FieldCheck(name, true, "Mark " + name + " as External ID (and Unique) in Salesforce Setup");
        }
        return new FieldCheck(name, true, null);
    }
}
