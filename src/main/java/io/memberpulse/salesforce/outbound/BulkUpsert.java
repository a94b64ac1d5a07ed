package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A large backfill as one Bulk API 2.0 ingest job (upsert by the external id, CSV): Accounts of
 * new companies resolved first, then create job, upload, close, poll, read the successful and
 * failed results, and map them back to members (links, sync log). A handful of API calls for any
 * number of records.
 */
@ApplicationScoped
public class BulkUpsert {

    /** What the job did. {@code apiCalls} counts the Bulk API calls made. */
    public record Result(Map<String, String> salesforceIds, Map<String, String> errors, int apiCalls) {
    }

    private final SalesforceClient salesforce;
    private final MappingService mappings;
    private final LinkRepository links;
    private final AccountResolver accounts;
    private final OutboundDispatcher dispatcher;
    private final Pool pool;

    BulkUpsert(SalesforceClient salesforce, MappingService mappings, LinkRepository links, AccountResolver accounts,
            OutboundDispatcher dispatcher, Pool pool) {
        this.salesforce = salesforce;
        this.mappings = mappings;
        this.links = links;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.pool = pool;
    }

    /**
     * Upserts the members' Contacts. {@code onJobCreated} receives the Salesforce job id before the
     * upload, so a restarted service can find the job again; upserts make a repeated job harmless.
     */
    public Uni<Result> run(OrgCredentials org, List<MemberSnapshot> members, Duration pollInterval,
            Function<String, Uni<Void>> onJobCreated, java.util.function.Supplier<Uni<Void>> heartbeat) {
        List<String> memberIds = members.stream().map(MemberSnapshot::memberId).collect(Collectors.toList());
        return pool.withTransaction(connection -> BackfillQueue.registerCompanies(connection, org.tenantId(), members))
                .chain(() -> accounts.resolveAll(org, dispatcher.holder()))
                .chain(() -> mappings.contactMapping(org.tenantId()))
                .chain(mapping -> upload(org.tenantId(), mapping, members, memberIds))
                .chain(upload -> ingest(org, upload, new Polling(pollInterval, heartbeat), onJobCreated));
    }

    private Uni<Upload> upload(String tenantId, ContactMapping mapping, List<MemberSnapshot> members,
            List<String> memberIds) {
        return Uni.combine().all().unis(links.links(tenantId, memberIds), links.accounts(tenantId, companyKeys(members)))
                .asTuple()
                .map(both -> new Upload(mapping, new BulkRecords(mapping, members, both.getItem1(), both.getItem2())));
    }

    /** How to wait for a job: the interval, and what to renew while waiting. */
    private record Polling(Duration interval, java.util.function.Supplier<Uni<Void>> heartbeat) {
    }

    /** The records to send and the mapping they were built with. */
    private record Upload(ContactMapping mapping, BulkRecords records) {
    }

    private Uni<Result> ingest(OrgCredentials org, Upload upload, Polling polling,
            Function<String, Uni<Void>> onJobCreated) {
        ObjectNode job = PlannedChange.JSON.createObjectNode()
                .put("object", "Contact")
                .put("operation", "upsert")
                .put("externalIdFieldName", upload.mapping().externalIdField())
                .put("contentType", "CSV")
                .put("lineEnding", "LF");
        String csv = BulkCsv.write(upload.records().columns, upload.records().rows);
        return salesforce.createIngestJob(org, job)
                .map(created -> created.path("id").asText())
                .call(onJobCreated::apply)
                .call(jobId -> salesforce.uploadIngestData(org, jobId, csv))
                .call(jobId -> salesforce.changeIngestJob(org, jobId, "UploadComplete"))
                .chain(jobId -> awaitCompletion(org, jobId, polling, 0)
                        .chain(polls -> results(org, jobId, upload, 3 + polls)));
    }

    /** Polls until the job completes; answers how many polls it took. */
    private Uni<Integer> awaitCompletion(OrgCredentials org, String jobId, Polling polling, int polls) {
        return salesforce.ingestJob(org, jobId)
                .call(() -> polling.heartbeat().get())
                .chain(state -> isFinished(state) ? finished(state, polls + 1)
                        : pollAgain(org, jobId, polling, polls + 1));
    }

    private Uni<Integer> pollAgain(OrgCredentials org, String jobId, Polling polling, int polls) {
        return Uni.createFrom().voidItem()
                .onItem().delayIt().by(polling.interval())
                .chain(() -> awaitCompletion(org, jobId, polling, polls));
    }

    private static Uni<Integer> finished(JsonNode state, int polls) {
        String name = state.path("state").asText();
        if (!"JobComplete".equals(name)) {
            return Uni.createFrom().failure(new SalesforceException.Permanent(400, "BULK_JOB_" + name.toUpperCase(),
                    "The Bulk API job ended " + name + ": " + state.path("errorMessage").asText(""), List.of()));
        }
        return Uni.createFrom().item(polls);
    }

    private static boolean isFinished(JsonNode state) {
        String name = state.path("state").asText();
        return "JobComplete".equals(name) || "Failed".equals(name) || "Aborted".equals(name);
    }

    private Uni<Result> results(OrgCredentials org, String jobId, Upload upload, int callsSoFar) {
        String externalId = upload.mapping().externalIdField();
        return salesforce.ingestResults(org, jobId, "successfulResults")
                .chain(successes -> salesforce.ingestResults(org, jobId, "failedResults")
                        .map(failures -> new Result(column(successes, externalId, "sf__Id"),
                                column(failures, externalId, "sf__Error"), callsSoFar + 2)))
                .call(result -> record(org.tenantId(), upload.records(), result));
    }

    private Uni<Void> record(String tenantId, BulkRecords records, Result result) {
        List<String> done = List.copyOf(result.salesforceIds().keySet());
        List<LogEntry> entries = new java.util.ArrayList<>();
        done.forEach(m -> entries.add(new LogEntry(m, result.salesforceIds().get(m), "SUCCESS", null, null)));
        result.errors().forEach((m, error) -> entries.add(new LogEntry(m, null, "FAILED", BulkCsv.errorCode(error),
                error)));
        return pool.withTransaction(connection -> links.upsert(connection, tenantId, done.toArray(String[]::new),
                done.stream().map(result.salesforceIds()::get).toArray(String[]::new),
                done.stream().map(records.accountIds::get).toArray(String[]::new),
                done.stream().map(m -> records.written.get(m).toString()).toArray(String[]::new))
                .chain(() -> links.appendSyncLog(connection, tenantId,
                        LogEntry.column(entries, LogEntry::memberId),
                        java.util.Collections.nCopies(entries.size(), OutboundOperation.CONTACT_UPSERT)
                                .toArray(String[]::new),
                        new String[entries.size()], LogEntry.column(entries, LogEntry::salesforceId),
                        LogEntry.column(entries, LogEntry::outcome), LogEntry.column(entries, LogEntry::code),
                        LogEntry.column(entries, LogEntry::message), LogEntry.column(entries, LogEntry::hint),
                        java.util.Collections.nCopies(entries.size(), 1).toArray(Integer[]::new),
                        new Long[entries.size()])));
    }

    /** One sync-log line of a Bulk result. */
    private record LogEntry(String memberId, String salesforceId, String outcome, String code, String message) {

        String hint() {
            return code == null ? null : io.memberpulse.salesforce.salesforce.AdminHints.forError(code, List.of());
        }

        static String[] column(List<LogEntry> entries, Function<LogEntry, String> value) {
            return entries.stream().map(value).toArray(String[]::new);
        }
    }

    /** Member id -> a result column, read from a results CSV (which echoes the uploaded columns). */
    private static Map<String, String> column(String csv, String externalId, String column) {
        return BulkCsv.read(csv).stream()
                .filter(row -> row.get(externalId) != null)
                .collect(Collectors.toMap(row -> row.get(externalId), row -> row.getOrDefault(column, ""),
                        (first, second) -> first, java.util.LinkedHashMap::new));
    }

    private static List<String> companyKeys(List<MemberSnapshot> members) {
        return members.stream()
                .map(MemberSnapshot::company)
                .filter(java.util.Objects::nonNull)
                .map(CompanyKeys::of)
                .distinct()
                .collect(Collectors.toList());
    }
}
