package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pending write this replica claimed: the member, the operation and the item's key within it, the
 * values to write (as the planner folded them), its attempt number.
 */
public record ClaimedItem(long id, String memberId, String operation, String itemKey, ObjectNode fields,
        String companyKey, int attempts, int priority, Long backfillJobId) {
}
