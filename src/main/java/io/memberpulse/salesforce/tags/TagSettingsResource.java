package io.memberpulse.salesforce.tags;

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

/** Where a tenant's tags go in Salesforce: the Contact picklist, a tag object, or campaigns. */
@Path("/api/v1/tenants/{tenantId}/salesforce/tag-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "Tag target and the Salesforce fields tags are written to")
@ProblemResponsesDoc
public class TagSettingsResource {

    private final TagSettingsService service;
    private final SecurityIdentity identity;

    TagSettingsResource(TagSettingsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the tag settings", description = "The stored settings, or the defaults with "
            + "`customized: false`.")
    @APIResponse(responseCode = "200", description = "The settings")
    public Uni<TagSettingsView> get(@RestPath String tenantId) {
        return service.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @SettingsPutResponsesDoc
    @Operation(summary = "Replace the tag settings", description = "Absent properties take their defaults. When "
            + "the org is reachable the picklist (or the tag object and its fields) is checked against describe "
            + "first (`validatedAgainstOrg: true`); otherwise the settings are stored unchecked with a `warning`.")
    @APIResponse(responseCode = "422", description = "The org lacks a named object or field, or it has the wrong "
            + "type; `errors` names each property",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TagSettingsView>> put(@RestPath String tenantId, TagSettingsRequest request,
            UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(replaced -> PutResponses.createdOrOk(replaced, uri));
    }
}
