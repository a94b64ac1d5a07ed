package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses CometD messages of Salesforce Streaming into {@link StreamEvent}s (reference §5): the CDC
 * {@code ChangeEventHeader}, the sparse body with compound fields flattened ({@code Name.LastName}
 * becomes {@code LastName}, {@code MailingAddress.City} becomes {@code MailingCity}), gap and
 * overflow events, and platform events.
 */
final class ChangeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "ChangeEventHeader";
    private static final String GAP_PREFIX = "GAP_";
    private static final String OVERFLOW = "GAP_OVERFLOW";

    private ChangeEvents() {
    }

    /** Parses a message's {@code data}; fails with {@link IllegalArgumentException} on a shape it does not know. */
    static StreamEvent parse(String channel, Map<String, Object> data) {
        JsonNode root = JSON.valueToTree(data);
        JsonNode payload = root.path("payload");
        long replayId = root.path("event").path("replayId").asLong(Long.MIN_VALUE);
        if (!payload.isObject() || replayId == Long.MIN_VALUE) {
            throw new IllegalArgumentException("Streaming message without payload or replayId on " + channel);
        }
        return payload.has(HEADER) ? changeEvent(channel, replayId, (ObjectNode) payload)
                : platformEvent(channel, replayId, (ObjectNode) payload, root.path("event"));
    }

    private static StreamEvent changeEvent(String channel, long replayId, ObjectNode payload) {
        JsonNode header = payload.get(HEADER);
        String entity = header.path("entityName").asText();
        String changeType = header.path("changeType").asText();
        List<String> ids = texts(header.path("recordIds"));
        Instant committedAt = Instant.ofEpochMilli(header.path("commitTimestamp").asLong());
        if (OVERFLOW.equals(changeType)) {
            return new StreamEvent(channel, replayId, StreamEvent.Type.CATCH_UP_OBJECT, entity, ids, null, committedAt);
        }
        String text = header.path("changeOrigin").asText("");
        String origin = text.isEmpty() ? null : text;
        boolean gap = changeType.startsWith(GAP_PREFIX);
        ChangeKind kind = gap ? gapKind(changeType) : ChangeKind.valueOf(changeType);
        ObjectNode values = gap ? JsonNodeFactory.instance.objectNode() : flatten(payload);
        SalesforceChange change = new SalesforceChange(entity, kind, ids, values,
                kind == ChangeKind.CREATE || kind == ChangeKind.UNDELETE, committedAt, origin,
                values.path("MasterRecordId").textValue(), ChangeSource.CDC, Long.toString(replayId));
        if (gap || hasDiff(values) || !header.path("diffFields").isEmpty()) {
            // The values must be read from the org; the change as received keeps its changeOrigin, so
            // the service's own writes are still recognised (GapRecords).
            return new StreamEvent(channel, replayId, StreamEvent.Type.FETCH_RECORDS, entity, ids, change,
                    committedAt);
        }
        for (String nulled : texts(header.path("nulledFields"))) {
            values.putNull(flatName(nulled));
        }
        return new StreamEvent(channel, replayId, StreamEvent.Type.CHANGE, entity, ids, change, committedAt);
    }

    /** {@code GAP_UPDATE} -> UPDATE; a gap type this service does not know is read back like an update. */
    private static ChangeKind gapKind(String changeType) {
        String kind = changeType.substring(GAP_PREFIX.length());
        for (ChangeKind known : ChangeKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        return ChangeKind.UPDATE;
    }

    /**
     * A platform event becomes a change of the event type ({@code Low_Ink__e}), kind CREATE, no
     * record ids, its whole payload as values, keyed by its {@code EventUuid}.
     */
    private static StreamEvent platformEvent(String channel, long replayId, ObjectNode payload, JsonNode event) {
        String name = channel.substring(channel.lastIndexOf('/') + 1);
        String created = payload.path("CreatedDate").asText(null);
        Instant committedAt = created == null ? Instant.now() : Instant.parse(created);
        String key = event.path("EventUuid").asText(Long.toString(replayId));
        SalesforceChange change = new SalesforceChange(name, ChangeKind.CREATE, List.of(), payload.deepCopy(), true,
                committedAt, null, null, ChangeSource.PLATFORM_EVENT, key);
        return new StreamEvent(channel, replayId, StreamEvent.Type.PLATFORM_EVENT, name, List.of(), change,
                committedAt);
    }

    /** The body's fields with compound fields spread into their component fields. */
    static ObjectNode flatten(ObjectNode payload) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (HEADER.equals(field.getKey())) {
                continue;
            }
            if (isCompound(field.getKey(), field.getValue())) {
                spread(values, field.getKey(), (ObjectNode) field.getValue());
            } else {
                values.set(field.getKey(), field.getValue());
            }
        }
        return values;
    }

    /** {@code Name} and {@code ...Address} arrive nested; a large text field may arrive as {@code {"diff":...}}. */
    private static boolean isCompound(String name, JsonNode value) {
        return value.isObject() && (name.equals("Name") || name.endsWith("Address"));
    }

    private static void spread(ObjectNode values, String compound, ObjectNode parts) {
        Iterator<Map.Entry<String, JsonNode>> components = parts.fields();
        while (components.hasNext()) {
            Map.Entry<String, JsonNode> part = components.next();
            values.set(flatName(compound + "." + part.getKey()), part.getValue());
        }
    }

    /** {@code Name.LastName} -> {@code LastName}; {@code MailingAddress.City} -> {@code MailingCity}. */
    static String flatName(String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return field;
        }
        String compound = field.substring(0, dot);
        String component = field.substring(dot + 1);
        return compound.endsWith("Address") ? compound.substring(0, compound.length() - "Address".length()) + component
                : component;
    }

    /** Salesforce sends large text changes as a diff: the value itself must be read from the org. */
    private static boolean hasDiff(ObjectNode values) {
        Iterator<JsonNode> all = values.elements();
        while (all.hasNext()) {
            JsonNode value = all.next();
            if (value.isObject() && value.has("diff")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
