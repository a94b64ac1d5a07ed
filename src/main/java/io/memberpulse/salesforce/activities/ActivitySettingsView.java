package io.memberpulse.salesforce.activities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's activity settings as the API answers them. */
@Schema(name = "ActivitySettings")
public record ActivitySettingsView(String subjectPrefix, boolean ticketTasks, boolean eventTasks,
        String externalIdField,
        @Schema(description = "false: the defaults, never changed") boolean customized,
        @Schema(description = "Set on PUT: whether the Task field was checked against the org") Boolean validatedAgainstOrg,
        @Schema(description = "Set on PUT when the org could not be asked") String warning) {

    static ActivitySettingsView of(ActivitySettings s, boolean customized) {
        return new ActivitySettingsView(s.subjectPrefix(), s.ticketTasks(), s.eventTasks(), s.externalIdField(),
                customized, null, null);
    }

    ActivitySettingsView checked(boolean validated, String warning) {
        return new ActivitySettingsView(subjectPrefix, ticketTasks, eventTasks, externalIdField, customized,
                validated, warning);
    }
}
