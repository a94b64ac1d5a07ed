package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A multi-select picklist value ({@code "a;b;c"}) and the tag deltas applied to it: values not named by
 * a delta (whoever owns them) stay where they are; removed tags go; added tags are appended once.
 */
final class PicklistValue {

    private final List<String> values;

    private PicklistValue(List<String> values) {
        this.values = values;
    }

    /** Parses a stored value; Salesforce may answer "a; b", so each value is trimmed. */
    static PicklistValue parse(String stored) {
        List<String> values = new ArrayList<>();
        if (stored != null) {
            for (String value : stored.split(";")) {
                String trimmed = value.trim();
                if (!trimmed.isEmpty() && !values.contains(trimmed)) {
                    values.add(trimmed);
                }
            }
        }
        return new PicklistValue(values);
    }

    /**
     * Applies the planned {@code tag:<value> -> true/false} deltas of a Contact write; a prefix removal
     * ({@link Tags#ALL_REGISTERED}, from {@code member.deleted}) last, so it also removes a pre-event tag
     * added by an event folded into the same write.
     */
    PicklistValue apply(ObjectNode plannedFields) {
        List<String> result = new ArrayList<>(values);
        List<String> prefixes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = plannedFields.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith(TagPlanner.DELTA_PREFIX)) {
                continue;
            }
            String tag = field.getKey().substring(TagPlanner.DELTA_PREFIX.length());
            if (Tags.isPrefix(tag)) {
                prefixes.add(tag);
            } else if (field.getValue().asBoolean(false)) {
                if (!result.contains(tag)) {
                    result.add(tag);
                }
            } else {
                result.remove(tag);
            }
        }
        prefixes.forEach(prefix -> result.removeIf(value -> Tags.matches(prefix, value)));
        return new PicklistValue(result);
    }

    int count() {
        return values.size();
    }

    /** The value as Salesforce stores it; null when empty (clears the field). */
    String text() {
        return values.isEmpty() ? null : String.join(";", values);
    }

    int length() {
        String text = text();
        return text == null ? 0 : text.length();
    }

    static boolean hasDeltas(ObjectNode plannedFields) {
        Iterator<String> names = plannedFields.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(TagPlanner.DELTA_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
