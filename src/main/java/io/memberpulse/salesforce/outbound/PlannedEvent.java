package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored member event as the planner hands it to a {@link WorkPlanner}: MemberPulse's event id
 * (stable across re-sends: derive external ids from it), type, member, time and payload.
 */
public record PlannedEvent(String eventId, String type, String memberId, Instant occurredAt, JsonNode data) {
}
