package io.memberpulse.salesforce.mapping;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's complete Contact mapping: which member field lands in which Contact field under which
 * rule, the external id field every upsert uses, the membership status field, the member.deleted
 * policy, the share of the org's daily API limit the sync may use, and whether changes of Contacts
 * linked to no member are offered to MemberPulse ({@code member.unlinked_contact}).
 */
public record ContactMapping(String externalIdField, String membershipStatusField,
        DeletedMemberPolicy deletedMemberPolicy, double apiBudgetShare, List<FieldMapping> fields,
        boolean offerUnlinkedContacts) {

    public ContactMapping {
        fields = List.copyOf(fields);
    }

    /** A mapping that does not offer changes of Contacts linked to no member (the default). */
    public ContactMapping(String externalIdField, String membershipStatusField, DeletedMemberPolicy deletedMemberPolicy,
            double apiBudgetShare, List<FieldMapping> fields) {
        this(externalIdField, membershipStatusField, deletedMemberPolicy, apiBudgetShare, fields, false);
    }

    /** The mapping of DESIGN.md §1, for tenants that never changed it. */
    public static ContactMapping defaults() {
        return new ContactMapping(DefaultMapping.EXTERNAL_ID_FIELD, DefaultMapping.MEMBERSHIP_STATUS_FIELD,
                DeletedMemberPolicy.IGNORE, 0.5, List.of(
                        new FieldMapping(MemberField.EMAIL, "Email", FieldRule.TWO_WAY),
                        new FieldMapping(MemberField.FIRST_NAME, "FirstName", FieldRule.TWO_WAY),
                        new FieldMapping(MemberField.LAST_NAME, "LastName", FieldRule.TWO_WAY),
                        new FieldMapping(MemberField.PHONE, "Phone", FieldRule.TWO_WAY),
                        new FieldMapping(MemberField.COMPANY, DefaultMapping.ACCOUNT_NAME, FieldRule.TO_SALESFORCE),
                        new FieldMapping(MemberField.MEMBERSHIP_STATUS, DefaultMapping.MEMBERSHIP_STATUS_FIELD,
                                FieldRule.TO_SALESFORCE)));
    }

    public Optional<FieldMapping> of(MemberField field) {
        return fields.stream().filter(mapping -> mapping.memberPulseField() == field).findFirst();
    }
}
