package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * What inbound applies did to one Salesforce record, as the applier works on it (row
 * {@code inbound_record}, locked for the transaction): the Salesforce time of the newest applied
 * change, and for a Contact linked to no member the values last offered to MemberPulse.
 *
 * <p>The clock is Salesforce's: CDC {@code commitTimestamp} (milliseconds) for streamed changes,
 * {@code SystemModstamp} (whole seconds) for records read back by SOQL. Both come from the org's
 * clock, so they are compared at whole seconds: a change from an earlier second is older than what
 * was applied and is dropped. Within the same second time cannot tell two changes apart, so the
 * change is applied and the values decide (values MemberPulse already has are dropped as unchanged).
 */
final class InboundRecord {

    final String salesforceId;
    private Instant changedAt;
    private final ObjectNode offered;
    private boolean dirty;

    InboundRecord(String salesforceId, Instant changedAt, ObjectNode offered) {
        this.salesforceId = salesforceId;
        this.changedAt = changedAt;
        this.offered = offered;
    }

    /** Whether {@code at} lies in an earlier second than the newest change applied to this record. */
    boolean isOlderThanApplied(Instant at) {
        return changedAt != null && at != null && seconds(at).isBefore(seconds(changedAt));
    }

    /** Records that a change of {@code at} was applied. */
    void applied(Instant at) {
        if (at != null && (changedAt == null || at.isAfter(changedAt))) {
            changedAt = at;
            dirty = true;
        }
    }

    /**
     * Whether {@code fields} (by MemberPulse name) of a change at {@code at} make a new offer of this
     * unlinked Contact. The first change applied to the record always does. From a later second: when any value differs from what was offered. From the
     * same second: only when a value offered before now differs; a field merely not offered before is
     * the same change seen by a source that reads whole records.
     */
    boolean offers(ObjectNode fields, Instant at) {
        if (changedAt == null) {
            return true;
        }
        boolean sameSecond = at != null && seconds(at).equals(seconds(changedAt));
        Iterator<Map.Entry<String, JsonNode>> values = fields.fields();
        while (values.hasNext()) {
            Map.Entry<String, JsonNode> value = values.next();
            JsonNode before = offered.get(value.getKey());
            if (before == null ? !sameSecond : !before.equals(value.getValue())) {
                return true;
            }
        }
        return false;
    }

    void offered(ObjectNode fields) {
        offered.setAll(fields);
        dirty = true;
    }

    Instant changedAt() {
        return changedAt;
    }

    ObjectNode offered() {
        return offered;
    }

    boolean dirty() {
        return dirty;
    }

    private static Instant seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
