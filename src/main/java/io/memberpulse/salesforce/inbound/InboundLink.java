package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A member's link to a Salesforce record as the applier works on it: the values Salesforce holds
 * from us (written by the outbound pipeline or delivered inbound, by Salesforce field name) and
 * when MemberPulse last changed each member field. Mutated while a batch is applied, so later
 * changes of the batch see the effects of earlier ones.
 */
final class InboundLink {

    final String memberId;
    String salesforceId;
    final ObjectNode lastWritten;
    final ObjectNode fieldTimes;
    /** Values to merge into member_link.last_written when the batch is recorded. */
    final ObjectNode written;
    boolean deleted;
    boolean relinked;

    InboundLink(String memberId, String salesforceId, ObjectNode lastWritten, ObjectNode fieldTimes) {
        this.memberId = memberId;
        this.salesforceId = salesforceId;
        this.lastWritten = lastWritten;
        this.fieldTimes = fieldTimes;
        this.written = lastWritten.objectNode();
    }

    /** When MemberPulse last changed {@code memberField}; null when unknown. */
    Instant memberPulseChangedAt(String memberField) {
        JsonNode time = fieldTimes.get(memberField);
        return time == null || time.isNull() ? null : Instant.parse(time.asText());
    }

    boolean holds(String salesforceField, JsonNode value) {
        JsonNode previous = lastWritten.get(salesforceField);
        return previous != null && previous.equals(value);
    }

    void remember(String salesforceField, JsonNode value) {
        lastWritten.set(salesforceField, value);
        written.set(salesforceField, value);
    }

    boolean changed() {
        return deleted || relinked || !written.isEmpty();
    }
}
