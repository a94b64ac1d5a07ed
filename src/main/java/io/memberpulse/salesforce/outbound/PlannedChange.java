package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The pending write of one member, operation and item key (the Contact write has key ""): MemberPulse-side field values (JSON null clears a field)
 * and when each last changed. Events fold into it field by field; a field only takes a value from
 * an event at least as recent as the one that set it, so late or reordered events never win.
 */
final class PlannedChange {

    static final ObjectMapper JSON = new ObjectMapper();

    final String memberId;
    final String operation;
    final String itemKey;
    final ObjectNode fields;
    final ObjectNode fieldTimes;
    Long existingId;

    PlannedChange(String memberId, String operation, String itemKey, ObjectNode fields, ObjectNode fieldTimes,
            Long existingId) {
        this.memberId = memberId;
        this.operation = operation;
        this.itemKey = itemKey;
        this.fields = fields;
        this.fieldTimes = fieldTimes;
        this.existingId = existingId;
    }

    static PlannedChange fresh(String memberId, String operation, String itemKey) {
        return new PlannedChange(memberId, operation, itemKey, JSON.createObjectNode(), JSON.createObjectNode(), null);
    }

    /** The coalescing key: member, operation, item key. */
    static String key(String memberId, String operation, String itemKey) {
        return memberId + '\u0000' + operation + '\u0000' + itemKey;
    }

    String key() {
        return key(memberId, operation, itemKey);
    }

    boolean isContact() {
        return OutboundOperation.CONTACT_UPSERT.equals(operation);
    }

    /** Sets a field if this change is not older than the one that set it last. */
    void set(String field, JsonNode value, Instant occurredAt) {
        JsonNode seen = fieldTimes.get(field);
        if (seen != null && Instant.parse(seen.asText()).isAfter(occurredAt)) {
            return;
        }
        fields.set(field, value == null ? JSON.nullNode() : value);
        fieldTimes.put(field, occurredAt.toString());
    }

    /** Every field of {@code data} that is one of {@code allowed}. */
    void setAll(JsonNode data, Iterable<String> allowed, Instant occurredAt) {
        for (String field : allowed) {
            if (data.has(field)) {
                set(field, data.get(field), occurredAt);
            }
        }
    }

    /** Folds an older pending change under this one: its fields count where this has none newer. */
    void absorbOlder(ObjectNode olderFields, ObjectNode olderTimes) {
        Iterator<Map.Entry<String, JsonNode>> entries = olderFields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode time = olderTimes.get(entry.getKey());
            set(entry.getKey(), entry.getValue(), time == null ? Instant.EPOCH : Instant.parse(time.asText()));
        }
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The company this change names, or null when it does not touch the company. */
    String company() {
        if (!isContact()) {
            return null;
        }
        JsonNode company = fields.get("company");
        return company == null || company.isNull() ? null : company.asText();
    }
}
