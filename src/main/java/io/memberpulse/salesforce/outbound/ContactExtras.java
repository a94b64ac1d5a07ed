package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Values a feature adds to the members' Contact writes of one claimed batch, computed from what the
 * planner put into the items ({@link PlanSink#contactFields}), e.g. the tag picklist's new value from
 * its add/remove deltas. Runs before the call, outside any transaction; it may read Salesforce (one
 * call for the whole batch at most). Values equal to what the service last wrote are dropped like
 * any other Contact value, and the values sent are remembered in {@code member_link.last_written}.
 */
public interface ContactExtras {

    /** Per member of {@code items}: the extra values, or a refusal; members absent get nothing extra. */
    Uni<Map<String, Extra>> extras(OrgCredentials org, List<ClaimedItem> items, Map<String, MemberLink> links);

    /**
     * Extra Contact values (Salesforce field -> value, JSON null clears) or, when {@code errorCode} is
     * set, the reason the member's Contact write must fail as a whole (with a hint for the admin).
     * {@code checked}: the values were compared with what Salesforce holds now (read in this batch) and
     * differ from it, so they are sent even when equal to what the service last wrote. When
     * {@code divertedTo} is set, the member's data went to that record instead of a Contact (lead
     * enrichment: its Lead): the Contact write is then not made and logged SKIPPED with that id.
     */
    record Extra(ObjectNode values, String errorCode, String message, String hint, boolean checked,
            String divertedTo) {

        /** Code of the SKIPPED sync-log entry of a diverted Contact write. */
        public static final String DIVERTED = "DIVERTED";

        public static Extra of(ObjectNode values) {
            return new Extra(values, null, null, null, false, null);
        }

        public static Extra checked(ObjectNode values) {
            return new Extra(values, null, null, null, true, null);
        }

        public static Extra refused(String errorCode, String message, String hint) {
            return new Extra(null, errorCode, message, hint, false, null);
        }

        /** No Contact is written for the member: its data goes to {@code salesforceId} (why: {@code note}). */
        public static Extra diverted(String salesforceId, String note) {
            return new Extra(null, null, note, null, false, salesforceId);
        }
    }
}
