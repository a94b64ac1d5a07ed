package io.memberpulse.salesforce.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One member event as MemberPulse core sends it. Fields stay loosely typed here so that
 * {@link EventValidator} can report every bad field of every event at once, not only the first.
 */
@Schema(name = "MemberEvent")
public record MemberEvent(
        @Schema(required = true, description = "Unique per tenant; a re-sent id is a duplicate, not a second "
                + "change. 1 to 128 characters of letters, digits, '.', '_', ':' or '-'", example = "evt-0001")
        String eventId,

        @Schema(required = true, description = "member.upserted, member.deleted, membership.status_changed, "
                + "event.registered, event.attended, event.no_show, course.enrolled, course.completed, "
                + "ticket.updated or activity.logged", example = "member.upserted")
        String type,

        @Schema(required = true, description = "When it happened: ISO-8601 with an offset, not in the future "
                + "beyond the allowed clock skew", example = "2025-05-01T10:15:30Z")
        String occurredAt,

        @Schema(required = true, description = "The member's MemberPulse id; same charset as eventId",
                example = "m-42")
        String memberId,

        @Schema(type = SchemaType.OBJECT, description = "member.upserted: email, firstName, lastName, phone, "
                + "company, membershipStatus (strings; null clears the field; at least one). "
                + "membership.status_changed: status (active, expiring, expired, upgraded, downgrade_scheduled). "
                + "Other types: stored as given.")
        JsonNode data) {
}
