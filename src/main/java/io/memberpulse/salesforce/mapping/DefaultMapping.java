package io.memberpulse.salesforce.mapping;

import java.util.List;

/**
 * The mapping every tenant starts with (DESIGN.md §1): MemberPulse member fields onto Contact,
 * Company onto Account.Name through {@code AccountId}, membership status onto a custom field,
 * and a stable external id that makes every write an idempotent upsert.
 */
public final class DefaultMapping {

    /** Contact field holding the MemberPulse member id; unique external id in the org. */
    public static final String EXTERNAL_ID_FIELD = "MemberPulse_Id__c";
    /** Contact field holding the membership status. */
    public static final String MEMBERSHIP_STATUS_FIELD = "MemberPulse_Membership_Status__c";

    /** Where Company lands: the name of the Account the Contact is linked to through {@code AccountId}. */
    public static final String ACCOUNT_NAME = "Account.Name";
    /** The Contact field that links a Contact to its Account. */
    public static final String ACCOUNT_ID = "AccountId";

    /** Contact fields the default mapping writes. */
    public static final List<String> CONTACT_FIELDS = List.of("Email", "FirstName", "LastName", "Phone",
            "AccountId", MEMBERSHIP_STATUS_FIELD);

    private DefaultMapping() {
    }
}
