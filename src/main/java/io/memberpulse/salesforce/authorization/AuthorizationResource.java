package io.memberpulse.salesforce.authorization;

import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.security.TenantClaims;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Starts "Connect with Salesforce" for a tenant. */
@Path("/api/v1/tenants/{tenantId}/salesforce/connection/authorize")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connection")
@ProblemResponsesDoc
public class AuthorizationResource {

    private final AuthorizationService service;
    private final SecurityIdentity identity;

    AuthorizationResource(AuthorizationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Start Connect with Salesforce", description = "Answers the Salesforce authorization URL "
            + "(OAuth web server flow with PKCE) on the environment's login host or the tenant's My Domain, for the "
            + "tenant's own connected app or the platform's. Open it in the admin's browser; Salesforce redirects "
            + "to the callback, which redirects to the portal with the outcome. The link works once, for 10 minutes.")
    @APIResponse(responseCode = "200", description = "The authorization URL")
    public Uni<AuthorizationService.Started> authorize(@RestPath String tenantId) {
        return service.start(tenantId, TenantClaims.actorOf(identity));
    }
}
