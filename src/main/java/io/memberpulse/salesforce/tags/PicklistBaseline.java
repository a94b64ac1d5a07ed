package io.memberpulse.salesforce.tags;

/**
 * Which current picklist value a tag delta is applied to. Salesforce has no "add a value" write, so
 * every delta is a read-modify-write of the whole field; values MemberPulse does not own must survive.
 */
public enum PicklistBaseline {
    /**
     * The default: the value MemberPulse last knew (what it wrote, or what a later Contact change
     * event showed; see {@link TagBaselines}), trusted only while it cannot be stale: the tenant's
     * Contact change events have streamed without a break since it was recorded. Otherwise (never
     * known, forgotten, auto-sync or Change Data Capture off, the subscription reconnected since) the
     * field is read first as with {@link #READ}. A value added in Salesforce survives either way; on a
     * streaming tenant no read is needed.
     */
    OBSERVED,
    /**
     * Read the Contacts' current values first (one SOQL query per batch of up to 200 Contacts): values
     * added in Salesforce at any time before the write survive. Costs one API call per batch.
     */
    READ,
    /**
     * Apply the delta to the value MemberPulse last knew (written, or observed in a change event), without
     * checking that it is current; read only when it never knew one. No extra call, but a value added in
     * Salesforce that the service did not observe (no streaming) is lost on the next tag change.
     */
    LAST_WRITTEN
}
