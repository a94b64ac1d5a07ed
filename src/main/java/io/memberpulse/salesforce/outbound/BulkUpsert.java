package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * What the job did: Contacts by member, errors by member (Salesforce's, or a feature's refusal such as
     * {@code TAG_LIMIT_EXCEEDED}), members diverted to their Lead. {@code apiCalls} counts the Bulk API
     * calls made (reads for the features' extra values, e.g. the tag picklist, are not in it).
     */
    public record Result(Map<String, String> salesforceIds, Map<String, String> errors, int diverted, int apiCalls) {
    }

    private final SalesforceClient salesforce;
    private final BulkPreparation preparation;
    private final LinkRepository links;
    private final AccountResolver accounts;
    private final OutboundDispatcher dispatcher;
    private final Pool pool;

    BulkUpsert(SalesforceClient salesforce, BulkPreparation preparation, LinkRepository links, AccountResolver accounts,
            OutboundDispatcher dispatcher, Pool pool) {
        this.salesforce = salesforce;
        this.preparation = preparation;
        this.links = links;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.pool = pool;
    }

    /**
     * Upserts the members' Contacts (their snapshots as of {@code asOf}), with what the features add to
     * a Contact write (the tag picklist), then queues the features' other work. {@code onJobCreated}
     * receives the Salesforce job id before the upload, so a restarted service can find the job again;
     * upserts make a repeated job harmless.
     */
    public Uni<Result> run(OrgCredentials org, Instant asOf, List<MemberSnapshot> members, Duration pollInterval,
            Function<String, Uni<Void>> onJobCreated, java.util.function.Supplier<Uni<Void>> heartbeat) {
        return pool.withTransaction(connection -> BackfillQueue.registerCompanies(connection, org.tenantId(), members))
                .chain(() -> accounts.resolveAll(org, dispatcher.holder()))
                .chain(() -> preparation.upload(org, asOf, members))
                .chain(upload -> ingest(org, upload, new Polling(pollInterval, heartbeat), onJobCreated)
                        .call(() -> preparation.afterJob(org.tenantId(), upload)));
    }

    /** How to wait for a job: the interval, and what to renew while waiting. */
    private record Polling(Duration interval, java.util.function.Supplier<Uni<Void>> heartbeat) {
    }

    private Uni<Result> ingest(OrgCredentials org, BulkPreparation.Upload upload, Polling polling,
            Function<String, Uni<Void>> onJobCreated) {
        if (upload.records().rows.isEmpty()) {
            // Every member was refused or diverted: no job, only their sync-log lines.
            Result none = new Result(Map.of(), refusals(upload.records()), diverted(upload.records()), 0);
            return record(org.tenantId(), upload.records(), none).replaceWith(none);
        }
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

    private Uni<Result> results(OrgCredentials org, String jobId, BulkPreparation.Upload upload, int callsSoFar) {
        String externalId = upload.mapping().externalIdField();
        return salesforce.ingestResults(org, jobId, "successfulResults")
                .chain(successes -> salesforce.ingestResults(org, jobId, "failedResults")
                        .map(failures -> result(upload.records(), column(successes, externalId, "sf__Id"),
                                column(failures, externalId, "sf__Error"), callsSoFar + 2)))
                .call(result -> record(org.tenantId(), upload.records(), result));
    }

    private static Result result(BulkRecords records, Map<String, String> ids, Map<String, String> errors, int calls) {
        Map<String, String> all = new java.util.LinkedHashMap<>(errors);
        all.putAll(refusals(records));
        return new Result(ids, all, diverted(records), calls);
    }

    /** Members a feature refused ({@code CODE:message}, as Bulk reports errors). */
    private static Map<String, String> refusals(BulkRecords records) {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        records.excluded.forEach((member, extra) -> {
            if (extra.errorCode() != null) {
                refused.put(member, extra.errorCode() + ":" + extra.message());
            }
        });
        return refused;
    }

    private static int diverted(BulkRecords records) {
        return (int) records.excluded.values().stream().filter(extra -> extra.divertedTo() != null).count();
    }

    private Uni<Void> record(String tenantId, BulkRecords records, Result result) {
        List<String> done = List.copyOf(result.salesforceIds().keySet());
        List<LogEntry> entries = new java.util.ArrayList<>();
        done.forEach(m -> entries.add(new LogEntry(m, result.salesforceIds().get(m), "SUCCESS", null, null, null)));
        result.errors().forEach((m, error) -> entries.add(new LogEntry(m, null, "FAILED", BulkCsv.errorCode(error),
                error, records.excluded.containsKey(m) ? records.excluded.get(m).hint() : null)));
        records.excluded.forEach((m, extra) -> {
            if (extra.divertedTo() != null) {
                entries.add(new LogEntry(m, extra.divertedTo(), "SKIPPED", ContactExtras.Extra.DIVERTED,
                        extra.message(), null));
            }
        });
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

    /** One sync-log line of a Bulk result; {@code featureHint}: a feature's own hint for its refusal. */
    private record LogEntry(String memberId, String salesforceId, String outcome, String code, String message,
            String featureHint) {

        String hint() {
            if (featureHint != null || code == null || ContactExtras.Extra.DIVERTED.equals(code)) {
                return featureHint;
            }
            return io.memberpulse.salesforce.salesforce.AdminHints.forError(code, List.of());
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
}
