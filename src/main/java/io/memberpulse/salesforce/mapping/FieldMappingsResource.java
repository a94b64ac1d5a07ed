package io.memberpulse.salesforce.mapping;

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

/** A tenant's Contact field mapping: which member field lands in which Contact field, under which rule. */
@Path("/api/v1/tenants/{tenantId}/salesforce/field-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Field mapping", description = "Member fields to Salesforce Contact fields, with direction and rule")
@ProblemResponsesDoc
public class FieldMappingsResource {

    private final FieldMappingsService service;
    private final SecurityIdentity identity;

    FieldMappingsResource(FieldMappingsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the field mapping", description = "The stored mapping, or the defaults with "
            + "`customized: false`.")
    @APIResponse(responseCode = "200", description = "The mapping")
    public Uni<FieldMappingsView> get(@RestPath String tenantId) {
        return service.get(tenantId);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @SettingsPutResponsesDoc
    @Operation(summary = "Replace the field mapping", description = "Replaces the whole mapping. When the org is "
            + "reachable the Contact fields are checked against describe(Contact) first "
            + "(`validatedAgainstOrg: true`); otherwise the mapping is stored unchecked with a `warning`. "
            + "Body limit 16 KiB.")
    @APIResponse(responseCode = "422", description = "The org's Contact lacks a mapped field, the external id "
            + "field is not External ID, or a written field is read-only; `errors` names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<FieldMappingsView>> put(@RestPath String tenantId, FieldMappingsRequest request,
            UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(replaced -> PutResponses.createdOrOk(replaced, uri));
    }
}
