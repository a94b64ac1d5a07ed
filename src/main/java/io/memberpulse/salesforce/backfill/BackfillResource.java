package io.memberpulse.salesforce.backfill;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemResponsesDoc;
import io.memberpulse.salesforce.security.Roles;
import io.memberpulse.salesforce.security.TenantClaims;
import io.memberpulse.salesforce.web.BodyLimit;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Full syncs of a tenant's members ("backfill"), sent in pages, with progress. */
@Path("/api/v1/tenants/{tenantId}/salesforce/backfill")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backfill", description = "Full sync of a tenant's members")
@ProblemResponsesDoc
public class BackfillResource {

    /** A page of up to 5,000 members. */
    static final int PAGE_LIMIT = 2 * 1024 * 1024;

    private final BackfillService service;
    private final SecurityIdentity identity;

    BackfillResource(BackfillService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(PAGE_LIMIT)
    @Operation(summary = "Start a backfill", description = "Members (memberId plus member.upserted profile fields), "
            + "up to 5,000 per page; `more: true` keeps the job open for POST /backfill/{jobId}/members. Jobs up to "
            + "2,000 members are sent as Collections batches behind live changes, larger ones as one Bulk API 2.0 "
            + "job. Nothing is sent while the tenant may not sync (not connected, auto-sync off, paused).")
    @APIResponse(responseCode = "202", description = "Job accepted; poll GET /backfill/{jobId}")
    @APIResponse(responseCode = "413", description = "Page larger than 2 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<BackfillView>> start(@RestPath String tenantId, BackfillRequest request, UriInfo uri) {
        return service.start(tenantId, request, TenantClaims.actorOf(identity))
                .map(job -> RestResponse.ResponseBuilder.<BackfillView>accepted()
                        .location(uri.getAbsolutePathBuilder().path(String.valueOf(job.jobId())).build())
                        .entity(job).build());
    }

    @POST
    @Path("{jobId}/members")
    @RolesAllowed({ Roles.ADMIN, Roles.PLATFORM_ADMIN })
    @BodyLimit(PAGE_LIMIT)
    @Operation(summary = "Add a page of members to a backfill that is still receiving (`more: true` before)")
    @APIResponse(responseCode = "202", description = "Page accepted")
    @APIResponse(responseCode = "409", description = "The job no longer takes pages",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<BackfillView>> addPage(@RestPath String tenantId, @RestPath long jobId,
            BackfillRequest request) {
        return service.addPage(tenantId, jobId, request)
                .map(job -> RestResponse.ResponseBuilder.<BackfillView>accepted().entity(job).build());
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({ Roles.ADMIN, Roles.VIEWER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Progress of a backfill", description = "Total, done, failed, pending, API calls used, "
            + "estimated seconds left.")
    @APIResponse(responseCode = "200", description = "The job")
    public Uni<BackfillView> get(@RestPath String tenantId, @RestPath long jobId) {
        return service.view(tenantId, jobId);
    }
}
