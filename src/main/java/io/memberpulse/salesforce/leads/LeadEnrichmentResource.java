package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.security.TenantClaims;
import io.memberpulse.salesforce.web.BodyLimit;
import io.memberpulse.salesforce.web.PutResponses;
import io.memberpulse.salesforce.web.SettingsPutResponsesDoc;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's lead enrichment: members matching a Lead are written onto it instead of becoming Contacts. */
@Path("/api/v1/tenants/{tenantId}/salesforce/lead-enrichment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lead enrichment", description = "Membership data on matching Leads, and re-linking after conversion")
@ProblemResponsesDoc
public class LeadEnrichmentResource {

    private final LeadSettingsService service;
    private final SecurityIdentity identity;

    LeadEnrichmentResource(LeadSettingsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the lead enrichment settings", description = "The stored settings, or the defaults "
            + "(off, fields MemberPulse_*__c) with `customized: false`.")
    @APIResponse(responseCode = "200", description = "The settings")
    public Uni<LeadSettingsView> get(@RestPath String tenantId) {
        return service.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @SettingsPutResponsesDoc
    @Operation(summary = "Replace the lead enrichment settings", description = "Absent field names take their "
            + "defaults, \"\" writes no such field. When enabled and the org is reachable, the Lead fields are "
            + "checked with describe(Lead) first. Body limit 16 KiB.")
    @APIResponse(responseCode = "422", description = "A Lead field does not exist or cannot be updated; `errors` "
            + "names each (e.g. `scoreField`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<LeadSettingsView>> put(@RestPath String tenantId, LeadSettingsRequest request,
            UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(replaced -> PutResponses.createdOrOk(replaced, uri));
    }
}
