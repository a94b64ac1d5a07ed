package io.memberpulse.salesforce.tags;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's tag settings as the API answers them. */
@Schema(name = "TagSettings")
public record TagSettingsView(TagTarget target, String picklistField, PicklistBaseline picklistBaseline,
        String objectName, String contactField, String tagField, String externalIdField,
        @Schema(description = "false: the defaults, never changed") boolean customized,
        @Schema(description = "Set on PUT: whether the fields were checked against the org") Boolean validatedAgainstOrg,
        @Schema(description = "Set on PUT when the org could not be asked") String warning) {

    static TagSettingsView of(TagSettings s, boolean customized) {
        return new TagSettingsView(s.target(), s.picklistField(), s.picklistBaseline(), s.objectName(),
                s.contactField(), s.tagField(), s.externalIdField(), customized, null, null);
    }

    TagSettingsView checked(boolean validated, String warning) {
        return new TagSettingsView(target, picklistField, picklistBaseline, objectName, contactField, tagField,
                externalIdField, customized, validated, warning);
    }
}
