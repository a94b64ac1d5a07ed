package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's lead enrichment as the portal shows it. */
@Schema(name = "LeadEnrichmentView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadSettingsView(LeadSettings settings, boolean customized, Instant updatedAt, String updatedBy,
        @Schema(description = "PUT only: whether the Lead fields were checked against describe(Lead)")
        Boolean validatedAgainstOrg,
        @Schema(description = "PUT only: why they could not be checked") String warning) {
}
