package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Where a {@link WorkPlanner} puts the work a member event makes; see {@link OutboundOperation}. */
public interface PlanSink {

    /**
     * Sets fields of the member's one pending Contact write. Names are the planner's own keys, read back
     * by a {@link ContactExtras} (e.g. {@code tag:member-active} -> true/false); they are never sent as
     * such. A field takes the value of the newest event that set it.
     */
    void contactField(String memberId, String field, JsonNode value, Instant occurredAt);

    /**
     * Queues (or folds into the pending) item of {@code operation} for the member under {@code itemKey}
     * ("" for one item per member); each field of {@code fields} takes the newest event's value.
     */
    void work(String operation, String memberId, String itemKey, ObjectNode fields, Instant occurredAt);
}
