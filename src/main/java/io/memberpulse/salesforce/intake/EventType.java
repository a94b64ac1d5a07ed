package io.memberpulse.salesforce.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of member event MemberPulse core sends, by their JSON names (DESIGN.md §4). */
public enum EventType {
    /** Profile fields changed; {@code data} holds the changed fields, JSON null clears one. */
    MEMBER_UPSERTED("member.upserted"),
    MEMBER_DELETED("member.deleted"),
    /** {@code data.status}: one of {@link MembershipStatuses#ALL}. */
    MEMBERSHIP_STATUS_CHANGED("membership.status_changed"),
    EVENT_REGISTERED("event.registered"),
    EVENT_ATTENDED("event.attended"),
    EVENT_NO_SHOW("event.no_show"),
    COURSE_ENROLLED("course.enrolled"),
    COURSE_COMPLETED("course.completed"),
    /** {@code data}: ticketNumber, status, url, optional subject (see {@link ActivityData}). */
    TICKET_UPDATED("ticket.updated"),
    /** {@code data}: name, description, date, optional url (see {@link ActivityData}). */
    ACTIVITY_LOGGED("activity.logged");

    private static final Map<String, EventType> BY_JSON = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::json, Function.identity()));

    private final String json;

    EventType(String json) {
        this.json = json;
    }

    /** The name on the wire and in {@code member_event.type}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** The type with this JSON name, or null when there is none. */
    public static EventType ofJson(String name) {
        return name == null ? null : BY_JSON.get(name);
    }

    /** Every JSON name, for error messages and documentation. */
    public static String jsonNames() {
        return Arrays.stream(values()).map(EventType::json).collect(Collectors.joining(", "));
    }
}
