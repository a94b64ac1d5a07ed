package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.inbound.OutboundMessageSecrets;
import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.security.TenantClaims;
import io.memberpulse.salesforce.web.BodyLimit;
import io.memberpulse.salesforce.web.PutResponses;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's Salesforce connection settings. */
@Path("/api/v1/tenants/{tenantId}/salesforce/connection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connection", description = "Salesforce connection settings of a tenant")
@io.memberpulse.salesforce.problem.ProblemResponsesDoc
public class ConnectionResource {

    private final ConnectionService service;
    private final ConnectionTestService tester;
    private final DisconnectService disconnector;
    private final SecurityIdentity identity;
    private final OutboundMessageSecrets outboundMessages;

    ConnectionResource(ConnectionService service, ConnectionTestService tester, DisconnectService disconnector,
            SecurityIdentity identity, OutboundMessageSecrets outboundMessages) {
        this.service = service;
        this.tester = tester;
        this.disconnector = disconnector;
        this.identity = identity;
        this.outboundMessages = outboundMessages;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read the connection settings", description = "The consumer secret is never returned; "
            + "`consumerSecretSet` and `consumerSecretLast4` describe it. Admins also get `outboundMessageUrl`, "
            + "the Outbound Message endpoint URL (with its secret) to paste into Salesforce.")
    @APIResponse(responseCode = "200", description = "The connection")
    public Uni<ConnectionView> get(@RestPath String tenantId, UriInfo uri) {
        return service.get(tenantId)
                .chain(view -> withOutboundMessageUrl(view, uri));
    }

    /** Only admins see the endpoint URL: it is the credential Salesforce's messages carry. */
    private Uni<ConnectionView> withOutboundMessageUrl(ConnectionView view, UriInfo uri) {
        if (!identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.PLATFORM_ADMIN)) {
            return Uni.createFrom().item(view);
        }
        return outboundMessages.endpointUrl(view.tenantId(), uri.getBaseUri())
                .map(view::withOutboundMessageUrl);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(BodyLimit.SETTINGS)
    @Operation(summary = "Create or replace the connection settings", description = "Replaces every field; an "
            + "omitted consumerSecret keeps the stored one. Body limit 16 KiB.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "413", description = "Body larger than 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ConnectionView>> put(@RestPath String tenantId,
            @Valid @NotNull(message = "a JSON body is required") ConnectionRequest request, UriInfo uri) {
        return service.put(tenantId, request, TenantClaims.actorOf(identity))
                .map(saved -> PutResponses.createdOrOk(saved, uri));
    }

    @DELETE
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Disconnect: revoke the Salesforce authorization, delete the connection and every stored "
            + "secret of the tenant")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> delete(@RestPath String tenantId) {
        return disconnector.disconnect(tenantId, TenantClaims.actorOf(identity))
                .map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("test")
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Test the connection", description = "Obtains a Salesforce session, reads /limits and "
            + "describes Contact: answers the org id, instance URL, API usage, and which mapped fields and the "
            + "external id field exist on Contact. Records the outcome in the connection's state.")
    @APIResponse(responseCode = "200", description = "Connected; see `ready` for missing fields")
    @APIResponse(responseCode = "409", description = "Not enough settings to connect",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Salesforce rejected the credentials; `errors` names the part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Salesforce could not be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionTestResult> test(@RestPath String tenantId) {
        return tester.test(tenantId);
    }

    @GET
    @Path("audit")
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Settings-change audit trail, newest first", description = "Who changed which fields "
            + "when; values of secrets are never recorded. Kept after the connection is deleted.")
    @APIResponse(responseCode = "200", description = "Audit entries")
    public Uni<List<AuditEntryView>> audit(@RestPath String tenantId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return service.audit(tenantId, limit);
    }
}
