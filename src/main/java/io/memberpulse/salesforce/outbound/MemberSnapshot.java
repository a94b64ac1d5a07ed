package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A member as MemberPulse knows it now (member.upserted profile fields), e.g. from a backfill. */
public record MemberSnapshot(String memberId, ObjectNode fields) {

    /** The company this snapshot names, or null. */
    String company() {
        return fields.hasNonNull("company") && !fields.get("company").asText().isBlank()
                ? fields.get("company").asText().trim() : null;
    }
}
