package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A pending Contact write this replica claimed: the member, the values to write, its attempt number. */
record ClaimedItem(long id, String memberId, ObjectNode fields, String companyKey, int attempts, int priority,
        Long backfillJobId) {
}
