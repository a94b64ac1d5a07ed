package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.salesforce.OrgCredentials;
import java.util.List;
import java.util.Map;

/**
 * A claimed batch of one operation, handed to {@link OutboundOperation#send}: the org to call, the
 * items (at most one Collections call's worth), and the Contact links of their members.
 */
public record OperationBatch(OrgCredentials org, List<ClaimedItem> items, Map<String, MemberLink> links) {

    public String tenantId() {
        return org.tenantId();
    }

    /** The member's Contact id, or null when it has none yet. */
    public String contactId(String memberId) {
        MemberLink link = links.get(memberId);
        return link == null ? null : link.salesforceId();
    }
}
