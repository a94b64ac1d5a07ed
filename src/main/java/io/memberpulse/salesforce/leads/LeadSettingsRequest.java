package io.memberpulse.salesforce.leads;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /lead-enrichment}; an absent field name takes its default, "" writes no field. */
@Schema(name = "LeadEnrichmentRequest")
public record LeadSettingsRequest(Boolean enabled, String statusField, String memberSinceField, String scoreField,
        String tagsField, String memberIdField) {
}
