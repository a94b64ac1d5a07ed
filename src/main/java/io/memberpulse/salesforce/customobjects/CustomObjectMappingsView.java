package io.memberpulse.salesforce.customobjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's custom object mappings as the portal shows them. */
@Schema(name = "CustomObjectMappings")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomObjectMappingsView(
        List<CustomObjectMapping> mappings,
        @Schema(description = "false: the tenant never stored mappings (default: none)")
        boolean customized,
        Instant updatedAt,
        String updatedBy,
        @Schema(description = "PUT only: whether the mappings were checked against describe of each object")
        Boolean validatedAgainstOrg,
        @Schema(description = "PUT only: why they could not be checked against the org")
        String warning) {

    static CustomObjectMappingsView defaults() {
        return new CustomObjectMappingsView(List.of(), false, null, null, null, null);
    }

    static CustomObjectMappingsView stored(CustomObjectSettings settings, Instant updatedAt, String updatedBy) {
        return new CustomObjectMappingsView(settings.mappings(), true, updatedAt, updatedBy, null, null);
    }

    CustomObjectMappingsView checked(boolean validated, String warning) {
        return new CustomObjectMappingsView(mappings, customized, updatedAt, updatedBy, validated, warning);
    }
}
