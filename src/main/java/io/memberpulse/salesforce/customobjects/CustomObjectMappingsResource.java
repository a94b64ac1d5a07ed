package io.memberpulse.salesforce.customobjects;

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

/** A tenant's custom object mappings: MemberPulse records (memberships, registrations, enrollments) as custom objects. */
@Path("/api/v1/tenants/{tenantId}/salesforce/custom-object-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Custom objects", description = "MemberPulse records written to custom objects linked to the Contact")
@ProblemResponsesDoc
public class CustomObjectMappingsResource {

    private final CustomObjectMappingsService service;
    private final SecurityIdentity identity;

    CustomObjectMappingsResource(CustomObjectMappingsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the custom object mappings", description = "The stored mappings, or the default "
            + "(none) with `customized: false`.")
    @APIResponse(responseCode = "200", description = "The custom object mappings")
    public Uni<CustomObjectMappingsView> get(@RestPath String tenantId) {
        return service.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @SettingsPutResponsesDoc
    @Operation(summary = "Replace the custom object mappings", description = "Replaces every mapping. When the org "
            + "is reachable each object is checked with describe first (`validatedAgainstOrg: true`): the object "
            + "exists, mapped fields exist and are writable, the external id field is External ID, the lookup "
            + "references Contact; otherwise the mappings are stored unchecked with a `warning`. Body limit 16 KiB.")
    @APIResponse(responseCode = "422", description = "An object or field does not fit the org; `errors` names each "
            + "(e.g. `mappings[0].fields[1].salesforceField`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CustomObjectMappingsView>> put(@RestPath String tenantId, CustomObjectMappingsRequest request,
            UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(replaced -> PutResponses.createdOrOk(replaced, uri));
    }
}
