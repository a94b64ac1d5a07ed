package io.memberpulse.salesforce.tags;

/** Where a tenant's tags are written. */
public enum TagTarget {
    /** A multi-select picklist on Contact (default {@code MemberPulse_Tags__c}). */
    PICKLIST,
    /** A related custom object: one record per member and tag (default {@code MemberPulse_Tag__c}). */
    CUSTOM_OBJECT,
    /** Campaign membership, one campaign per tag: written by the campaigns feature, not here. */
    CAMPAIGN
}
