package io.memberpulse.salesforce.customobjects;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A MemberPulse record type written to a custom object: one record per MemberPulse record, upserted
 * by {@code externalIdField} (value derived from the member and the record), linked to the member's
 * Contact through {@code contactLookupField}.
 */
@Schema(name = "CustomObjectMapping")
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record CustomObjectMapping(
        @Schema(required = true, enumeration = { "membership", "event_registration", "course_enrollment" })
        String recordType,
        @Schema(required = true, description = "Custom object API name (ends in __c)",
                example = "MemberPulse_Membership__c")
        String objectName,
        @Schema(required = true, description = "A text field of the object marked External ID (and Unique); holds "
                + "`<memberId>` (membership, or `<memberId>:<membershipId>`), `<memberId>:<eventId>` or "
                + "`<memberId>:<courseId>`", example = "MemberPulse_Record_Id__c")
        String externalIdField,
        @Schema(required = true, description = "A lookup (reference) field of the object to Contact",
                example = "MemberPulse_Contact__c")
        String contactLookupField,
        @Schema(required = true, description = "At least one field; each MemberPulse and each Salesforce field once")
        List<CustomFieldMapping> fields) {
}
