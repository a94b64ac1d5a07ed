package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One webhook delivery as queued: its stable id, the key it is ordered by (the member, or the
 * Contact when no member is linked), and the exact JSON body that is signed and sent on every attempt.
 */
record QueuedDelivery(String deliveryId, String orderKey, String memberId, String salesforceId,
        String changeType, String body, String dedupeKey, String source, Instant changedAt) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Change types MemberPulse core receives. */
    static final String UPDATED = "member.updated";
    static final String UNLINKED = "member.unlinked";
    static final String RELINKED = "member.relinked";
    static final String UNLINKED_CONTACT = "member.unlinked_contact";

    /**
     * A delivery for {@code recordId} caused by {@code change}. Its id derives from the tenant, the
     * change's source and key and the record, so re-applying the same change yields the same delivery.
     */
    static QueuedDelivery of(String tenantId, SalesforceChange change, String recordId, String memberId,
            String salesforceId, String changeType, ObjectNode fields) {
        String dedupeKey = UNLINKED_CONTACT.equals(changeType) ? offerKey(change, recordId, fields)
                : dedupeKey(change, recordId, changeType);
        String deliveryId = UUID.nameUUIDFromBytes((tenantId + '|' + dedupeKey).getBytes(StandardCharsets.UTF_8))
                .toString();
        ObjectNode body = JSON.createObjectNode();
        body.put("deliveryId", deliveryId);
        body.put("tenantId", tenantId);
        body.put("memberId", memberId);
        body.put("salesforceId", salesforceId);
        body.put("changeType", changeType);
        body.set("fields", fields);
        body.put("changedAt", change.changedAt().toString());
        String orderKey = memberId != null ? "member:" + memberId : "contact:" + recordId;
        return new QueuedDelivery(deliveryId, orderKey, memberId, salesforceId, changeType, write(body), dedupeKey,
                change.source().name(), change.changedAt());
    }

    private static String dedupeKey(SalesforceChange change, String recordId, String changeType) {
        String key = change.sourceKey() != null ? change.sourceKey() : String.valueOf(change.changedAt());
        String dedupe = change.source().name() + ':' + key + ':' + recordId + ':' + changeType;
        return dedupe.length() <= 300 ? dedupe : dedupe.substring(0, 300);
    }

    /**
     * An unlinked Contact's offer is keyed by what it says, not by the source that saw it: the same
     * values at the same Salesforce second (CDC commit time or SystemModstamp) queue once, whether the
     * stream, a catch-up, reconciliation or an Outbound Message found them.
     */
    private static String offerKey(SalesforceChange change, String recordId, ObjectNode fields) {
        long second = change.changedAt() == null ? 0 : change.changedAt().getEpochSecond();
        return UNLINKED_CONTACT + ':' + recordId + ':' + second + ':' + Integer.toHexString(fields.toString().hashCode());
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A delivery body could not be written", e);
        }
    }
}
