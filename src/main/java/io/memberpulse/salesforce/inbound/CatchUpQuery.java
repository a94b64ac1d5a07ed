package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SOQL of a catch-up and the reading of its rows: every record of the object stamped since the
 * point (queryAll, so deleted and merged records show with {@code IsDeleted} and
 * {@code MasterRecordId}), oldest first, with the mapped fields Salesforce may send.
 */
final class CatchUpQuery {

    private static final List<String> SYSTEM = List.of("Id", "IsDeleted", "MasterRecordId", "SystemModstamp");
    /** Salesforce writes {@code 2026-11-01T10:00:00.000+0000}. */
    private static final DateTimeFormatter STAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]").appendOffset("+HHMM", "Z").toFormatter();

    private CatchUpQuery() {
    }

    static String soql(String objectType, ContactMapping mapping, Instant from) {
        Set<String> fields = new LinkedHashSet<>(SYSTEM);
        for (FieldMapping field : mapping.fields()) {
            if (field.rule().readsFromSalesforce() && !field.salesforceField().contains(".")
                    && LeadFields.selectable(objectType, field.salesforceField())) {
                fields.add(field.salesforceField());
            }
        }
        return "SELECT " + String.join(", ", fields) + " FROM " + objectType + " WHERE SystemModstamp >= "
                + DateTimeFormatter.ISO_INSTANT.format(from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + " ORDER BY SystemModstamp ASC";
    }

    /** One row as a full-record change; {@code values} hold the selected mapped fields only. */
    static SalesforceChange change(String objectType, JsonNode row, ChangeSource reason) {
        Instant stamp = stamp(row.path("SystemModstamp").asText());
        boolean deleted = row.path("IsDeleted").asBoolean(false);
        String master = row.path("MasterRecordId").isTextual() ? row.get("MasterRecordId").asText() : null;
        ObjectNode values = QueuedDelivery.JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!SYSTEM.contains(field.getKey()) && !"attributes".equals(field.getKey())) {
                values.set(field.getKey(), field.getValue());
            }
        }
        String id = row.get("Id").asText();
        return new SalesforceChange(objectType, deleted ? ChangeKind.DELETE : ChangeKind.UPDATE, List.of(id), values,
                true, stamp, null, deleted ? master : null, reason, sourceKey(stamp, deleted, values));
    }

    /**
     * Salesforce stamps at second precision: two states of a record within one second differ only by
     * their values, so those are part of the key that makes a re-read state a duplicate.
     */
    private static String sourceKey(Instant stamp, boolean deleted, ObjectNode values) {
        return stamp + (deleted ? ":deleted:" : ":") + Integer.toHexString(values.toString().hashCode());
    }

    static Instant stamp(String text) {
        return OffsetDateTime.parse(text, STAMP).toInstant();
    }
}
