package io.memberpulse.salesforce.tags;

/**
 * Which current picklist value a tag delta is applied to. Salesforce has no "add a value" write, so
 * every delta is a read-modify-write of the whole field; values MemberPulse does not own must survive.
 */
public enum PicklistBaseline {
    /**
     * Read the Contacts' current values first (one SOQL query per batch of up to 200 Contacts): values
     * added in Salesforce at any time before the write survive. Costs one API call per batch.
     */
    READ,
    /**
     * Apply the delta to the value MemberPulse last wrote (read only when it never wrote the field for
     * that Contact): no extra call, but a value added in Salesforce after MemberPulse's last write of
     * that Contact is lost on its next tag change.
     */
    LAST_WRITTEN
}
