package io.memberpulse.salesforce.mapping;

/** What {@code member.deleted} does to the Contact. */
public enum DeletedMemberPolicy {
    /** Nothing: the Contact stays as it is (default; Salesforce data belongs to the tenant). */
    IGNORE,
    /** Clears the membership status field, so the Contact no longer looks like a member. */
    CLEAR_STATUS
}
