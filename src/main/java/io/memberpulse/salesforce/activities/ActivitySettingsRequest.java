package io.memberpulse.salesforce.activities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /activity-settings}; an absent property takes its default. */
@Schema(name = "ActivitySettingsRequest")
public record ActivitySettingsRequest(
        @Schema(description = "Put before every Task subject, at most 40 characters; default \"MemberPulse: \"")
        String subjectPrefix,
        @Schema(description = "Log a Task per ticket status change (ticket.updated); default true") Boolean ticketTasks,
        @Schema(description = "Log a Task for event and course events; default false") Boolean eventTasks,
        @Schema(description = "Task External ID field; default MemberPulse_Activity_Id__c") String externalIdField) {
}
