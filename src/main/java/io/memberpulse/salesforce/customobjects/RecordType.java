package io.memberpulse.salesforce.customobjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The MemberPulse records a tenant can map to a custom object, the member events that write them,
 * the fields they offer, and the key that identifies one record (its external id is derived from it).
 */
public enum RecordType {
    /** One per member (or per {@code data.membershipId}): from membership.status_changed. */
    MEMBERSHIP("membership", List.of("membership.status_changed"),
            List.of("status", "plan", "startDate", "endDate", "changedAt")),
    /** One per member and event ({@code data.eventId}): from event.registered, event.attended, event.no_show. */
    EVENT_REGISTRATION("event_registration", List.of("event.registered", "event.attended", "event.no_show"),
            List.of("eventId", "eventName", "eventDate", "status", "changedAt")),
    /** One per member and course ({@code data.courseId}): from course.enrolled, course.completed. */
    COURSE_ENROLLMENT("course_enrollment", List.of("course.enrolled", "course.completed"),
            List.of("courseId", "courseName", "courseDate", "status", "changedAt"));

    private final String json;
    private final List<String> eventTypes;
    private final List<String> fields;

    RecordType(String json, List<String> eventTypes, List<String> fields) {
        this.json = json;
        this.eventTypes = eventTypes;
        this.fields = fields;
    }

    public String json() {
        return json;
    }

    public List<String> fields() {
        return fields;
    }

    static Optional<RecordType> ofJson(String name) {
        return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst();
    }

    static String jsonNames() {
        return Arrays.stream(values()).map(RecordType::json).collect(Collectors.joining(", "));
    }

    boolean writtenBy(String eventType) {
        return eventTypes.contains(eventType);
    }

    /** The record's key within the member, or empty when the event does not name its record. */
    Optional<String> key(PlannedEvent event) {
        return switch (this) {
            case MEMBERSHIP -> Optional.of(text(event.data(), "membershipId").orElse("membership"));
            case EVENT_REGISTRATION -> text(event.data(), "eventId");
            case COURSE_ENROLLMENT -> text(event.data(), "courseId");
        };
    }

    /** The MemberPulse values the event gives this record (field name -> value). */
    ObjectNode values(PlannedEvent event) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        JsonNode data = event.data();
        values.put("changedAt", event.occurredAt().toString());
        switch (this) {
            case MEMBERSHIP -> {
                copy(data, "status", values, "status");
                copy(data, "plan", values, "plan");
                copy(data, "startDate", values, "startDate");
                copy(data, "endDate", values, "endDate");
            }
            case EVENT_REGISTRATION -> {
                copy(data, "eventId", values, "eventId");
                copy(data, "name", values, "eventName");
                copy(data, "date", values, "eventDate");
                values.put("status", event.type().substring("event.".length()));
            }
            case COURSE_ENROLLMENT -> {
                copy(data, "courseId", values, "courseId");
                copy(data, "name", values, "courseName");
                copy(data, "date", values, "courseDate");
                values.put("status", event.type().substring("course.".length()));
            }
        }
        return values;
    }

    private static void copy(JsonNode data, String from, ObjectNode values, String to) {
        if (data != null && data.hasNonNull(from)) {
            values.set(to, data.get(from));
        }
    }

    private static Optional<String> text(JsonNode data, String field) {
        return data == null || !data.hasNonNull(field) || data.get(field).asText().isBlank() ? Optional.empty()
                : Optional.of(data.get(field).asText());
    }
}
