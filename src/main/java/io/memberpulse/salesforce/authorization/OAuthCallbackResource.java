package io.memberpulse.salesforce.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where Salesforce sends the admin's browser back. It carries no bearer token: the single-use
 * state, bound to a tenant when the flow started, is what authorizes it.
 */
@Path("/salesforce/oauth")
@Tag(name = "Connection")
@SecurityRequirements
public class OAuthCallbackResource {

    private final AuthorizationService service;

    OAuthCallbackResource(AuthorizationService service) {
        this.service = service;
    }

    @GET
    @Path("callback")
    @PermitAll
    @Operation(summary = "OAuth callback from Salesforce", description = "Checks the state, exchanges the code and "
            + "redirects (303) to the portal URL with `outcome` (connected, denied, error), `tenant` and `reason`.")
    @APIResponse(responseCode = "303", description = "Back to the portal")
    public Uni<RestResponse<Void>> callback(@RestQuery String code, @RestQuery String state,
            @RestQuery String error) {
        return service.complete(new AuthorizationService.Callback(code, state, error))
                .map(portal -> RestResponse.seeOther(portal));
    }

    @GET
    @Path("result")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Default landing page of the flow", description = "Used when no portal URL is configured "
            + "(development): shows the outcome the callback reported.")
    public Map<String, String> result(@RestQuery String outcome, @RestQuery String tenant, @RestQuery String reason) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("outcome", outcome);
        shown.put("tenant", tenant);
        shown.put("reason", reason);
        return shown;
    }
}
