package io.memberpulse.salesforce.inbound;

import java.util.Set;

/**
 * Which mapped Contact fields a Lead query may select. A tenant's mapping names Contact fields; a
 * custom Contact field (or a relationship such as {@code Account.Name}) does not exist on Lead, and
 * one unknown field fails the whole SOQL with {@code INVALID_FIELD}, so Lead reads keep to the
 * standard fields both objects share.
 */
final class LeadFields {

    /** Standard fields Lead shares with Contact under the same API name. */
    static final Set<String> SHARED_WITH_CONTACT = Set.of("Email", "FirstName", "LastName", "Phone", "MobilePhone",
            "Title");

    private LeadFields() {
    }

    /** Whether a query of {@code objectType} may select the mapped field {@code field}. */
    static boolean selectable(String objectType, String field) {
        return !"Lead".equals(objectType) || SHARED_WITH_CONTACT.contains(field);
    }
}
