package io.memberpulse.salesforce.activities;

/**
 * A tenant's activity settings; {@link #DEFAULTS} fit an org with the documented custom field.
 *
 * @param subjectPrefix   put before every Task subject MemberPulse writes (may be empty)
 * @param ticketTasks     whether {@code ticket.updated} logs a Task per ticket status change
 * @param eventTasks      whether event and course events ({@code event.registered}, {@code event.attended},
 *                        {@code event.no_show}, {@code course.enrolled}, {@code course.completed}) log a Task
 * @param externalIdField the Task External ID field that makes every Task an idempotent upsert
 */
public record ActivitySettings(String subjectPrefix, boolean ticketTasks, boolean eventTasks,
        String externalIdField) {

    /** Defaults: prefix "MemberPulse: ", ticket Tasks on, event/course Tasks off, {@code MemberPulse_Activity_Id__c}. */
    public static final ActivitySettings DEFAULTS = new ActivitySettings("MemberPulse: ", true, false,
            "MemberPulse_Activity_Id__c");
}
