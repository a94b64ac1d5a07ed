package io.memberpulse.salesforce.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one door to Salesforce's REST API. It owns the session (token from {@link SalesforceTokens},
 * one renewal on {@code INVALID_SESSION_ID}), the tenant's fault tolerance, the API usage figure
 * from {@code Sforce-Limit-Info}, and the translation of every failure into a
 * {@link SalesforceException}. It knows no feature and no entity.
 */
@ApplicationScoped
public class SalesforceClient {

    /** Salesforce's limit for one sObject Collections call. */
    public static final int COLLECTION_LIMIT = 200;

    private final SalesforceApi api;
    private final SalesforceTokens tokens;
    private final TenantGuards guards;
    private final ApiUsage usage;
    private final String version;

    SalesforceClient(@RestClient SalesforceApi api, SalesforceTokens tokens, TenantGuards guards, ApiUsage usage,
            SalesforceConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.guards = guards;
        this.usage = usage;
        this.version = config.apiVersion();
    }

    /** A session for the tenant, e.g. to prove credentials or to open a CometD connection. */
    public Uni<AccessToken> session(OrgCredentials org) {
        return tokens.token(org);
    }

    public Uni<JsonNode> get(OrgCredentials org, String type, String id, Collection<String> fields) {
        String selected = fields == null || fields.isEmpty() ? null : String.join(",", fields);
        return send(org, token -> api.get(token.instanceUrl(), token.bearer(), version, type, id, selected));
    }

    /** Creates one record; answers its id. */
    public Uni<String> create(OrgCredentials org, SObject record) {
        return send(org, token -> api.create(token.instanceUrl(), token.bearer(), version, record.type(),
                fieldsOf(record)))
                .map(body -> body.path("id").asText());
    }

    public Uni<Void> update(OrgCredentials org, String id, SObject record) {
        return send(org, token -> api.update(token.instanceUrl(), token.bearer(), version, record.type(), id,
                fieldsOf(record)))
                .replaceWithVoid();
    }

    public Uni<Void> delete(OrgCredentials org, String type, String id) {
        return send(org, token -> api.delete(token.instanceUrl(), token.bearer(), version, type, id))
                .replaceWithVoid();
    }

    /** Upsert by external id: created, updated, or ambiguous (several matches, nothing written). */
    public Uni<UpsertOutcome> upsert(OrgCredentials org, String externalIdField, String externalId, SObject record) {
        return send(org, token -> api.upsert(token.instanceUrl(), token.bearer(), version, record.type(),
                externalIdField, externalId, fieldsOf(record)))
                .map(SalesforceClient::upsertOutcome);
    }

    /** sObject Collections create, in calls of at most 200 records, allOrNone=false; results in order. */
    public Uni<List<RecordResult>> createAll(OrgCredentials org, List<SObject> records) {
        return inChunks(records, chunk -> send(org, token -> api.createCollection(token.instanceUrl(),
                token.bearer(), version, collection(chunk))));
    }

    /** sObject Collections update; each record's fields must hold its {@code Id}. */
    public Uni<List<RecordResult>> updateAll(OrgCredentials org, List<SObject> records) {
        return inChunks(records, chunk -> send(org, token -> api.updateCollection(token.instanceUrl(),
                token.bearer(), version, collection(chunk))));
    }

    /** sObject Collections upsert by an external id field of one object type. */
    public Uni<List<RecordResult>> upsertAll(OrgCredentials org, String type, String externalIdField,
            List<SObject> records) {
        return inChunks(records, chunk -> send(org, token -> api.upsertCollection(token.instanceUrl(),
                token.bearer(), version, type, externalIdField, collection(chunk))));
    }

    public Uni<List<RecordResult>> deleteAll(OrgCredentials org, List<String> ids) {
        return inChunks(ids, chunk -> send(org, token -> api.deleteCollection(token.instanceUrl(), token.bearer(),
                version, String.join(",", chunk), false)));
    }

    /** Every record a SOQL query returns, following {@code nextRecordsUrl} page by page. */
    public Multi<JsonNode> query(OrgCredentials org, String soql) {
        return new QueryPages(this, org, token -> api.query(token.instanceUrl(), token.bearer(), version, soql))
                .records();
    }

    /** Like {@link #query}, including deleted and archived records. */
    public Multi<JsonNode> queryAll(OrgCredentials org, String soql) {
        return new QueryPages(this, org, token -> api.queryAll(token.instanceUrl(), token.bearer(), version, soql))
                .records();
    }

    public Uni<JsonNode> limits(OrgCredentials org) {
        return send(org, token -> api.limits(token.instanceUrl(), token.bearer(), version));
    }

    public Uni<JsonNode> describe(OrgCredentials org, String type) {
        return send(org, token -> api.describe(token.instanceUrl(), token.bearer(), version, type));
    }

    /** Bulk API 2.0: creates an ingest job; answers the job description ({@code id}, {@code state}). */
    public Uni<JsonNode> createIngestJob(OrgCredentials org, JsonNode job) {
        return send(org, token -> api.createIngestJob(token.instanceUrl(), token.bearer(), version, job));
    }

    /** Bulk API 2.0: uploads the job's CSV data (one upload per job). */
    public Uni<Void> uploadIngestData(OrgCredentials org, String jobId, String csv) {
        return send(org, token -> api.uploadIngestData(token.instanceUrl(), token.bearer(), version, jobId, csv))
                .replaceWithVoid();
    }

    /** Bulk API 2.0: sets the job's state ({@code UploadComplete}, {@code Aborted}). */
    public Uni<JsonNode> changeIngestJob(OrgCredentials org, String jobId, String state) {
        JsonNode body = SalesforceResponses.json().createObjectNode().put("state", state);
        return send(org, token -> api.changeIngestJob(token.instanceUrl(), token.bearer(), version, jobId, body));
    }

    public Uni<JsonNode> ingestJob(OrgCredentials org, String jobId) {
        return send(org, token -> api.ingestJob(token.instanceUrl(), token.bearer(), version, jobId));
    }

    /** Bulk API 2.0 results as CSV text: {@code successfulResults} or {@code failedResults}. */
    public Uni<String> ingestResults(OrgCredentials org, String jobId, String results) {
        return send(org, token -> api.ingestResults(token.instanceUrl(), token.bearer(), version, jobId, results))
                .map(JsonNode::asText);
    }

    /** The tenant's breaker state: OPEN means its calls are paused after repeated outages. */
    public CircuitBreakerState breakerState(String tenantId) {
        return guards.breakerState(tenantId);
    }

    Uni<JsonNode> nextPage(OrgCredentials org, String nextRecordsUrl) {
        return send(org, token -> api.nextPage(token.instanceUrl() + nextRecordsUrl, token.bearer()));
    }

    /** One guarded call: retries and breaker per tenant, one session renewal, classified failures. */
    Uni<JsonNode> send(OrgCredentials org, Function<AccessToken, Uni<Response>> call) {
        return guards.guard(org.tenantId(), () -> attempt(org, call, true))
                .onFailure(CircuitBreakerOpenException.class)
                .transform(open -> new SalesforceException.CircuitOpen(org.tenantId(), open))
                .onFailure(TimeoutException.class)
                .transform(timeout -> new SalesforceException.Retryable(0, "TIMEOUT",
                        "Salesforce did not answer in time", timeout));
    }

    private Uni<JsonNode> attempt(OrgCredentials org, Function<AccessToken, Uni<Response>> call, boolean mayRenew) {
        return tokens.token(org)
                .chain(token -> callWith(org, token, call, mayRenew));
    }

    private Uni<JsonNode> callWith(OrgCredentials org, AccessToken token, Function<AccessToken, Uni<Response>> call,
            boolean mayRenew) {
        return call.apply(token)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(SalesforceClient::errorResponse)
                .onFailure(SalesforceClient::isTransport)
                .transform(SalesforceClient::transportFailure)
                .invoke(response -> usage.record(org.tenantId(), response.getHeaderString(ApiUsage.HEADER)))
                .map(SalesforceResponses::bodyOf)
                .onFailure(SalesforceException.SessionExpired.class)
                .recoverWithUni(expired -> renewSession(org, token, call, mayRenew, expired));
    }

    /** Salesforce ended the session: evict it and retry once with a fresh one. */
    private Uni<JsonNode> renewSession(OrgCredentials org, AccessToken stale,
            Function<AccessToken, Uni<Response>> call, boolean mayRenew, Throwable expired) {
        if (!mayRenew) {
            return Uni.createFrom().failure(expired);
        }
        tokens.evict(org.tenantId(), stale);
        return attempt(org, call, false);
    }

    private static <T> Uni<List<RecordResult>> inChunks(List<T> items, Function<List<T>, Uni<JsonNode>> send) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += COLLECTION_LIMIT) {
            chunks.add(items.subList(start, Math.min(items.size(), start + COLLECTION_LIMIT)));
        }
        return Multi.createFrom().<List<T>>iterable(chunks)
                .onItem().<JsonNode>transformToUniAndConcatenate(send::apply)
                .map(SalesforceResponses::recordResults)
                .collect().in(ArrayList<RecordResult>::new, List::addAll)
                .map(List::copyOf);
    }

    private static JsonNode collection(List<SObject> records) {
        ObjectNode request = SalesforceResponses.json().createObjectNode();
        request.put("allOrNone", false);
        ArrayNode array = request.putArray("records");
        for (SObject record : records) {
            ObjectNode node = fieldsOf(record);
            node.putObject("attributes").put("type", record.type());
            array.add(node);
        }
        return request;
    }

    private static ObjectNode fieldsOf(SObject record) {
        return SalesforceResponses.json().valueToTree(record.fields());
    }

    private static UpsertOutcome upsertOutcome(JsonNode body) {
        if (body.isArray()) {
            // HTTP 300: the ids (or record URLs) of every record that matched.
            List<String> ids = new ArrayList<>();
            body.forEach(match -> ids.add(match.asText().substring(match.asText().lastIndexOf('/') + 1)));
            return new UpsertOutcome(null, false, ids);
        }
        return new UpsertOutcome(body.path("id").asText(null), body.path("created").asBoolean(false), List.of());
    }

    /** The REST client throws for 4xx/5xx; the response inside is what Salesforce said. */
    private static Response errorResponse(Throwable failure) {
        return ((WebApplicationException) failure).getResponse();
    }

    private static boolean isTransport(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof IOException
                || failure instanceof io.vertx.core.VertxException
                || failure instanceof java.util.concurrent.TimeoutException;
    }

    private static SalesforceException transportFailure(Throwable failure) {
        return new SalesforceException.Retryable(0, "CONNECTION_FAILED",
                "Salesforce could not be reached: " + failure.getClass().getSimpleName(), failure);
    }
}
