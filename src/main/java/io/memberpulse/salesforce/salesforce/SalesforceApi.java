package io.memberpulse.salesforce.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Salesforce's REST API as a declarative client. The base URL is the org's instance URL, given per
 * call; every method answers the raw response so that {@link SalesforceResponses} can read status,
 * body and the {@code Sforce-Limit-Info} header in one place.
 */
@RegisterRestClient(configKey = "salesforce")
@ClientHeaderParam(name = CallOptions.HEADER, value = "{io.memberpulse.salesforce.salesforce.CallOptions.header}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SalesforceApi {

    String AUTH = "Authorization";
    String DATA = "/services/data/v{version}";

    @GET
    @Path(DATA + "/sobjects/{type}/{id}")
    Uni<Response> get(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type, @RestPath String id, @RestQuery String fields);

    @POST
    @Path(DATA + "/sobjects/{type}")
    Uni<Response> create(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type, JsonNode record);

    @PATCH
    @Path(DATA + "/sobjects/{type}/{id}")
    Uni<Response> update(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type, @RestPath String id, JsonNode record);

    @DELETE
    @Path(DATA + "/sobjects/{type}/{id}")
    Uni<Response> delete(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type, @RestPath String id);

    @PATCH
    @Path(DATA + "/sobjects/{type}/{field}/{value}")
    Uni<Response> upsert(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type, @RestPath String field, @RestPath String value, JsonNode record);

    @POST
    @Path(DATA + "/composite/sobjects")
    Uni<Response> createCollection(@Url String instance, @HeaderParam(AUTH) String bearer,
            @RestPath String version, JsonNode request);

    @PATCH
    @Path(DATA + "/composite/sobjects")
    Uni<Response> updateCollection(@Url String instance, @HeaderParam(AUTH) String bearer,
            @RestPath String version, JsonNode request);

    @PATCH
    @Path(DATA + "/composite/sobjects/{type}/{field}")
    Uni<Response> upsertCollection(@Url String instance, @HeaderParam(AUTH) String bearer,
            @RestPath String version, @RestPath String type, @RestPath String field, JsonNode request);

    @DELETE
    @Path(DATA + "/composite/sobjects")
    Uni<Response> deleteCollection(@Url String instance, @HeaderParam(AUTH) String bearer,
            @RestPath String version, @RestQuery String ids, @RestQuery boolean allOrNone);

    @GET
    @Path(DATA + "/query")
    Uni<Response> query(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestQuery String q);

    @GET
    @Path(DATA + "/queryAll")
    Uni<Response> queryAll(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestQuery String q);

    /** A follow-up page: {@code url} is the instance URL plus the {@code nextRecordsUrl} Salesforce gave. */
    @GET
    Uni<Response> nextPage(@Url String url, @HeaderParam(AUTH) String bearer);

    @POST
    @Path(DATA + "/jobs/ingest")
    Uni<Response> createIngestJob(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            JsonNode job);

    @jakarta.ws.rs.PUT
    @Path(DATA + "/jobs/ingest/{jobId}/batches")
    @Consumes("text/csv")
    Uni<Response> uploadIngestData(@Url String instance, @HeaderParam(AUTH) String bearer,
            @RestPath String version, @RestPath String jobId, String csv);

    @PATCH
    @Path(DATA + "/jobs/ingest/{jobId}")
    Uni<Response> changeIngestJob(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String jobId, JsonNode state);

    @GET
    @Path(DATA + "/jobs/ingest/{jobId}")
    Uni<Response> ingestJob(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String jobId);

    /** {@code successfulResults} or {@code failedResults}: CSV. */
    @GET
    @Path(DATA + "/jobs/ingest/{jobId}/{results}")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    Uni<Response> ingestResults(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String jobId, @RestPath String results);

    @GET
    @Path(DATA + "/limits")
    Uni<Response> limits(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version);

    @GET
    @Path(DATA + "/sobjects/{type}/describe")
    Uni<Response> describe(@Url String instance, @HeaderParam(AUTH) String bearer, @RestPath String version,
            @RestPath String type);
}
