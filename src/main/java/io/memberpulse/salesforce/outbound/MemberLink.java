package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A member's Contact: its id, its Account, and the Contact values the service last wrote. */
public record MemberLink(String salesforceId, String accountId, ObjectNode lastWritten) {
}
