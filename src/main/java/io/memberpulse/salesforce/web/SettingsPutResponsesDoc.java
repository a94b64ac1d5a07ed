package io.memberpulse.salesforce.web;

import io.memberpulse.salesforce.problem.Problem;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Documents, in OpenAPI, the answers every settings-document PUT shares: those of
 * {@link PutResponses#createdOrOk} and of {@code @BodyLimit(BodyLimit.SETTINGS)}. Put it on the PUT
 * method beside that {@code @BodyLimit}; the endpoint adds its own 422 and describes itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponse(responseCode = "200", description = "Replaced")
@APIResponse(responseCode = "201", description = "Stored for the first time")
@APIResponse(responseCode = "413", description = "Body larger than 16 KiB",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface SettingsPutResponsesDoc {
}
