package io.memberpulse.salesforce.campaigns;

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

/** A tenant's campaign rules: which member events add the member to which Campaign, and tag campaigns. */
@Path("/api/v1/tenants/{tenantId}/salesforce/campaign-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaign rules", description = "Member events and tags to Salesforce campaign membership")
@ProblemResponsesDoc
public class CampaignRulesResource {

    private final CampaignRulesService service;
    private final SecurityIdentity identity;

    CampaignRulesResource(CampaignRulesService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the campaign rules", description = "The stored rules and tag campaigns, or the "
            + "defaults (none) with `customized: false`.")
    @APIResponse(responseCode = "200", description = "The campaign rules")
    public Uni<CampaignRulesView> get(@RestPath String tenantId) {
        return service.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @SettingsPutResponsesDoc
    @Operation(summary = "Replace the campaign rules", description = "Replaces the whole document. When the org is "
            + "reachable every Campaign named and its CampaignMember statuses are checked first (two SOQL queries, "
            + "`validatedAgainstOrg: true`); otherwise the rules are stored unchecked with a `warning`. "
            + "Body limit 16 KiB.")
    @APIResponse(responseCode = "422", description = "A Campaign does not exist in the org, or lacks the member "
            + "status named; `errors` names each (e.g. `rules[0].campaignId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CampaignRulesView>> put(@RestPath String tenantId, CampaignRulesRequest request,
            UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(replaced -> PutResponses.createdOrOk(replaced, uri));
    }
}
