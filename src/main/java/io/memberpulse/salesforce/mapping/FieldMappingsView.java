package io.memberpulse.salesforce.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's field mapping as the portal shows it: stored, or the defaults. */
@Schema(name = "FieldMappings")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMappingsView(
        String externalIdField,
        String membershipStatusField,
        @Schema(enumeration = { "ignore", "clear_status" })
        String deletedMemberPolicy,
        double apiBudgetShare,
        List<FieldMappingItem> fields,
        @Schema(description = "Whether changes of Contacts linked to no member reach MemberPulse core as "
                + "member.unlinked_contact deliveries")
        boolean offerUnlinkedContacts,
        @Schema(description = "false: the tenant never changed the defaults")
        boolean customized,
        @Schema(description = "When the mapping was last replaced; absent for the defaults")
        Instant updatedAt,
        @Schema(description = "Who last replaced it; absent for the defaults")
        String updatedBy,
        @Schema(description = "PUT only: whether the mapping was checked against the org's Contact fields")
        Boolean validatedAgainstOrg,
        @Schema(description = "PUT only: why the mapping could not be checked against the org")
        String warning) {

    static FieldMappingsView defaults() {
        return of(ContactMapping.defaults(), false, null, null);
    }

    static FieldMappingsView of(StoredMapping stored) {
        return of(stored.mapping(), true, stored.updatedAt(), stored.updatedBy());
    }

    /** The answer to a PUT: what is stored, and whether the org confirmed it. */
    FieldMappingsView checked(OrgCheck check) {
        return new FieldMappingsView(externalIdField, membershipStatusField, deletedMemberPolicy, apiBudgetShare,
                fields, offerUnlinkedContacts, customized, updatedAt, updatedBy, check.validated(), check.warning());
    }

    private static FieldMappingsView of(ContactMapping mapping, boolean customized, Instant updatedAt,
            String updatedBy) {
        List<FieldMappingItem> fields = mapping.fields().stream().map(FieldMappingItem::of)
                .collect(Collectors.toList());
        return new FieldMappingsView(mapping.externalIdField(), mapping.membershipStatusField(),
                mapping.deletedMemberPolicy().json(), mapping.apiBudgetShare(), fields, mapping.offerUnlinkedContacts(),
                customized, updatedAt,
                updatedBy, null, null);
    }
}
