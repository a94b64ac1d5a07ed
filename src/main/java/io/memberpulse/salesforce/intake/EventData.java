package io.memberpulse.salesforce.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.mapping.MemberField;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules for an event's {@code data} by type. {@code member.upserted} is checked field by field,
 * since each field goes to a Salesforce field of limited length; {@code membership.status_changed}
 * needs a known status; activity, ticket, event and course events are checked by {@link ActivityData}.
 */
final class EventData {

    private static final Map<String, MemberField> PROFILE_FIELDS = Arrays.stream(MemberField.values())
            .collect(Collectors.toUnmodifiableMap(MemberField::json, Function.identity()));
    private static final String PROFILE_NAMES = Arrays.stream(MemberField.values())
            .map(MemberField::json).collect(Collectors.joining(", "));
    private static final String STATUSES = String.join(", ", MembershipStatuses.ALL);

    private EventData() {
    }

    /** Checks {@code data} (absent, JSON null or an object) and answers it as JSON text to store. */
    static String check(EventType type, JsonNode data, String path, FieldErrors errors) {
        boolean absent = data == null || data.isNull();
        if (!absent && !data.isObject()) {
            errors.add(path, "must be a JSON object");
            return null;
        }
        if (type == EventType.MEMBER_UPSERTED) {
            profile(data, path, errors);
        } else if (type == EventType.MEMBERSHIP_STATUS_CHANGED) {
            status(data, path, errors);
        } else if (type != null) {
            ActivityData.check(type, data, path, errors);
        }
        if (absent) {
            return "{}";
        }
        String text = data.toString();
        // PostgreSQL's jsonb cannot hold U+0000; refuse it here rather than fail the whole insert.
        if (text.contains("\\u0000") && containsNul(data)) {
            errors.add(path, "must not contain the character U+0000");
            return null;
        }
        return text;
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            if (names.next().indexOf('\0') >= 0) {
                return true;
            }
        }
        for (JsonNode child : node) { // the values of an object, the elements of an array
            if (containsNul(child)) {
                return true;
            }
        }
        return false;
    }

    private static void profile(JsonNode data, String path, FieldErrors errors) {
        if (data == null || data.isNull() || data.isEmpty()) {
            errors.add(path, "must hold at least one of " + PROFILE_NAMES);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            profileField(field.getKey(), field.getValue(), path + "." + field.getKey(), errors);
        }
    }

    private static void profileField(String name, JsonNode value, String path, FieldErrors errors) {
        MemberField field = PROFILE_FIELDS.get(name);
        if (field == null) {
            errors.add(path, "unknown property; allowed: " + PROFILE_NAMES);
        } else if (value.isNull()) {
            return; // null clears the field
        } else if (!value.isTextual()) {
            errors.add(path, "must be a string, or null to clear the field");
        } else if (length(value.textValue()) > maxLength(field)) {
            errors.add(path, "must be at most " + maxLength(field) + " characters");
        } else if (field == MemberField.EMAIL && !EmailAddresses.isValid(value.textValue())) {
            errors.add(path, "must be a valid email address, or null to clear it");
        }
    }

    /** Salesforce's lengths of the Contact fields the profile fields land in. */
    static int maxLength(MemberField field) {
        switch (field) {
            case EMAIL:
                return EmailAddresses.MAX_LENGTH;
            case FIRST_NAME:
            case PHONE:
                return 40;
            case LAST_NAME:
                return 80;
            default:
                return 255; // Account.Name and the membership status field
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void status(JsonNode data, String path, FieldErrors errors) {
        JsonNode status = data == null ? null : data.get("status");
        if (status == null || status.isNull()) {
            errors.add(path + ".status", "is required: one of " + STATUSES);
        } else if (!status.isTextual() || !MembershipStatuses.ALL.contains(status.textValue())) {
            errors.add(path + ".status", "must be one of " + STATUSES);
        }
    }
}
