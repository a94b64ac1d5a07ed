package io.memberpulse.salesforce.customobjects;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One MemberPulse field of a record written to one field of the custom object. */
@Schema(name = "CustomFieldMapping")
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record CustomFieldMapping(
        @Schema(required = true, description = "A field of the record type: membership: status, plan, startDate, "
                + "endDate, changedAt; event_registration: eventId, eventName, eventDate, status, changedAt; "
                + "course_enrollment: courseId, courseName, courseDate, status, changedAt", example = "status")
        String memberPulseField,
        @Schema(required = true, description = "The custom object's field API name", example = "MemberPulse_Status__c")
        String salesforceField) {
}
