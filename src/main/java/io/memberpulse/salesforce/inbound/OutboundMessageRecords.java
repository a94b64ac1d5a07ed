package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the current values of the records notifications name: one {@code queryAll} per type and
 * batch of ids (so a deleted record shows as deleted), selecting {@code Id}, {@code SystemModstamp},
 * {@code IsDeleted} and the fields the tenant's mapping lets flow from Salesforce.
 */
@ApplicationScoped
class OutboundMessageRecords {

    /** Ids per query: the SOQL stays far below Salesforce's 100,000-character limit and URL limits. */
    static final int IDS_PER_QUERY = 200;
    private static final DateTimeFormatter SALESFORCE_DATE_TIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSXX");

    private final SalesforceClient salesforce;

    OutboundMessageRecords(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /** The records by their 15-character id; a record Salesforce no longer has is absent. */
    Uni<Map<String, JsonNode>> read(OrgCredentials org, ContactMapping mapping, String objectType,
            List<String> recordIds) {
        List<String> fields = fields(mapping, objectType);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < recordIds.size(); i += IDS_PER_QUERY) {
            chunks.add(recordIds.subList(i, Math.min(recordIds.size(), i + IDS_PER_QUERY)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToMultiAndConcatenate(chunk -> salesforce.queryAll(org,
                        soql(objectType, fields, chunk)))
                .collect().asList()
                .map(OutboundMessageRecords::byId);
    }

    /** The change a record's current state makes: a delete when Salesforce holds it deleted. */
    static SalesforceChange change(ContactMapping mapping, String objectType, JsonNode record,
            String notificationId) {
        boolean deleted = record.path("IsDeleted").asBoolean(false);
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (String field : mappedFields(mapping, objectType)) {
            values.set(field, valueAt(record, field));
        }
        String master = deleted && record.hasNonNull("MasterRecordId") ? record.get("MasterRecordId").asText() : null;
        return new SalesforceChange(objectType, deleted ? ChangeKind.DELETE : ChangeKind.UPDATE,
                List.of(record.path("Id").asText()), values, true, modstamp(record), null, master,
                ChangeSource.OUTBOUND_MESSAGE, notificationId);
    }

    static String soql(String objectType, List<String> fields, List<String> ids) {
        return "SELECT " + String.join(", ", fields) + " FROM " + objectType + " WHERE Id IN ('"
                + String.join("', '", ids) + "')";
    }

    /** The selected fields: the fixed ones first, then the mapped ones in mapping order. */
    static List<String> fields(ContactMapping mapping, String objectType) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "SystemModstamp", "IsDeleted"));
        if ("Contact".equals(objectType)) {
            fields.add("MasterRecordId");
        }
        fields.addAll(mappedFields(mapping, objectType));
        return List.copyOf(fields);
    }

    private static List<String> mappedFields(ContactMapping mapping, String objectType) {
        Set<String> fields = new LinkedHashSet<>();
        mapping.fields().stream()
                .filter(field -> field.rule().readsFromSalesforce())
                .map(FieldMapping::salesforceField)
                .forEach(fields::add);
        if ("Contact".equals(objectType)) {
            fields.add(mapping.externalIdField());
            return List.copyOf(fields);
        }
        return fields.stream()
                .filter(field -> LeadFields.selectable(objectType, field))
                .collect(Collectors.toList());
    }

    /** {@code Account.Name} is read from the nested relationship object the query answers. */
    private static JsonNode valueAt(JsonNode record, String field) {
        JsonNode node = record;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    }

    private static Instant modstamp(JsonNode record) {
        String text = record.path("SystemModstamp").asText(null);
        return text == null ? Instant.now() : OffsetDateTime.parse(text, SALESFORCE_DATE_TIME).toInstant();
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        return records.stream().collect(Collectors.toMap(record -> record.path("Id").asText().substring(0, 15),
                Function.identity(), (first, second) -> first));
    }
}
