package io.memberpulse.salesforce.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /field-mappings}: the whole mapping, replacing what is stored. Member
 * fields left out of {@code fields} are not synced. Names arrive as strings so that every bad one
 * can be reported at once ({@link MappingRequestValidator}).
 */
@Schema(name = "FieldMappingsRequest")
public record FieldMappingsRequest(
        @Schema(required = true, description = "Contact field (External ID, Unique) holding the MemberPulse member "
                + "id; every write is an upsert by it", maxLength = 80, example = "MemberPulse_Id__c")
        String externalIdField,

        @Schema(description = "Contact field holding the membership status, written by MemberPulse only",
                maxLength = 80, defaultValue = "MemberPulse_Membership_Status__c")
        String membershipStatusField,

        @Schema(description = "What member.deleted does: ignore (leave the Contact) or clear_status (clear the "
                + "membership status field)", enumeration = { "ignore", "clear_status" }, defaultValue = "ignore")
        String deletedMemberPolicy,

        @Schema(description = "Share of the org's daily API limit the sync may use, greater than 0 and at most 1, "
                + "two decimals", minimum = "0", exclusiveMinimum = true, maximum = "1", defaultValue = "0.5")
        BigDecimal apiBudgetShare,

        @Schema(required = true, description = "Each member field at most once; each Salesforce field at most once")
        List<FieldMappingItem> fields,

        @Schema(description = "Whether changes of Salesforce Contacts linked to no member are offered to MemberPulse "
                + "core as member.unlinked_contact webhook deliveries (they are always logged)", defaultValue = "false")
        Boolean offerUnlinkedContacts) {
}
