package io.memberpulse.salesforce.intake;

import java.time.OffsetDateTime;

/**
 * A validated event, ready for the inbox.
 *
 * @param data the event's {@code data} object as JSON text, {@code {}} when it had none
 */
record InboxEvent(String eventId, EventType type, String memberId, OffsetDateTime occurredAt, String data) {
}
