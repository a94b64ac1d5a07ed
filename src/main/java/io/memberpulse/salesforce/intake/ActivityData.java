package io.memberpulse.salesforce.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code data} rules of the events that become Tasks and tags, sized to the Salesforce fields they
 * land in (Task.Subject 255, Task.Description 32,000):
 * <ul>
 * <li>{@code activity.logged}: {@code name} (required, at most 200), {@code description} (at most 30,000),
 * {@code date} (required, {@code YYYY-MM-DD} or an ISO date-time), {@code url} (http or https, at most 1,000);</li>
 * <li>{@code ticket.updated}: {@code ticketNumber} (required, 1-40 letters, digits, '.', '_', ':' or '-'),
 * {@code status} (required, at most 80), {@code url} (required, http or https), {@code subject} (at most 150);</li>
 * <li>{@code event.*}: {@code eventId} (required identifier), {@code name} (at most 200), {@code date};
 * {@code course.*}: {@code courseId} (required identifier), {@code name}, {@code date}.</li>
 * </ul>
 */
final class ActivityData {

    private ActivityData() {
    }

    static void check(EventType type, JsonNode data, String path, FieldErrors errors) {
        JsonNode d = data == null || data.isNull() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : data;
        switch (type) {
            case ACTIVITY_LOGGED:
                text(d, "name", true, 200, path, errors);
                text(d, "description", false, 30000, path, errors);
                date(d, "date", true, path, errors);
                url(d, "url", false, path, errors);
                break;
            case TICKET_UPDATED:
                identifier(d, "ticketNumber", 40, path, errors);
                text(d, "status", true, 80, path, errors);
                url(d, "url", true, path, errors);
                text(d, "subject", false, 150, path, errors);
                break;
            case EVENT_REGISTERED:
            case EVENT_ATTENDED:
            case EVENT_NO_SHOW:
                identifier(d, "eventId", 128, path, errors);
                text(d, "name", false, 200, path, errors);
                date(d, "date", false, path, errors);
                break;
            case COURSE_ENROLLED:
            case COURSE_COMPLETED:
                identifier(d, "courseId", 128, path, errors);
                text(d, "name", false, 200, path, errors);
                date(d, "date", false, path, errors);
                break;
            default:
                break;
        }
    }

    private static JsonNode present(JsonNode data, String name, boolean required, String path, FieldErrors errors) {
        JsonNode value = data.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path + "." + name, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path + "." + name, "must be a string");
            return null;
        }
        return value;
    }

    private static void text(JsonNode data, String name, boolean required, int max, String path, FieldErrors errors) {
        JsonNode value = present(data, name, required, path, errors);
        if (value == null) {
            return;
        }
        if (required && value.textValue().isBlank()) {
            errors.add(path + "." + name, "must not be blank");
        } else if (value.textValue().codePointCount(0, value.textValue().length()) > max) {
            errors.add(path + "." + name, "must be at most " + max + " characters");
        }
    }

    private static void identifier(JsonNode data, String name, int max, String path, FieldErrors errors) {
        JsonNode value = present(data, name, true, path, errors);
        if (value != null && (value.textValue().length() > max || !EventValidator.isIdentifier(value.textValue()))) {
            errors.add(path + "." + name, "must be 1 to " + max + " letters, digits, '.', '_', ':' or '-'");
        }
    }

    private static void date(JsonNode data, String name, boolean required, String path, FieldErrors errors) {
        JsonNode value = present(data, name, required, path, errors);
        if (value == null) {
            return;
        }
        String text = value.textValue();
        try {
            if (text.length() == 10) {
                LocalDate.parse(text);
            } else {
                OffsetDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            errors.add(path + "." + name, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset");
        }
    }

    private static void url(JsonNode data, String name, boolean required, String path, FieldErrors errors) {
        JsonNode value = present(data, name, required, path, errors);
        if (value == null) {
            return;
        }
        String text = value.textValue();
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || text.length() > 1000) {
                errors.add(path + "." + name, "must be an http or https URL of at most 1000 characters");
            }
        } catch (URISyntaxException e) {
            errors.add(path + "." + name, "must be an http or https URL of at most 1000 characters");
        }
    }
}
