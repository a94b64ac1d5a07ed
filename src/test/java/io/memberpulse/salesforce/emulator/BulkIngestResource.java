package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bulk API 2.0 ingest (reference §2.8): create job, PUT CSV, PATCH UploadComplete, poll, fetch
 * successful/failed/unprocessed results. Processing runs at UploadComplete, so the next poll sees
 * JobComplete.
 */
final class BulkIngestResource {

    /** One ingest job: its JobInfo fields, uploaded CSV and result rows. */
    private static final class Job {
        final String orgId;
        final Map<String, Object> info;
        final StringBuilder csv = new StringBuilder();
        final List<List<String>> successes = new ArrayList<>();
        final List<List<String>> failures = new ArrayList<>();
        List<String> header = List.of();

        Job(String orgId, Map<String, Object> info) {
            this.orgId = orgId;
            this.info = info;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ApiResponse handle(ApiRequest req) {
        if (!"ingest".equals(req.segment(1))) {
            throw ApiException.notFound();
        }
        if (req.segments().size() == 2) {
            return req.method().equals("POST") ? create(req) : ApiResponse.of(200, Json.obj("done", true,
                    "records", jobs.values().stream().filter(j -> j.orgId.equals(req.org().orgId()))
                            .map(j -> j.info).toList(), "nextRecordsUrl", null));
        }
        Job job = jobs.get(req.segment(2));
        if (job == null || !job.orgId.equals(req.org().orgId())) {
            throw ApiException.notFound();
        }
        String sub = HttpSupport.orEmpty(req.segment(3));
        // The background processor writes the job; requests see it whole, before or after.
        synchronized (job) {
            return handle(job, req, sub);
        }
    }

    private ApiResponse handle(Job job, ApiRequest req, String sub) {
        switch (req.method() + " " + sub) {
            case "PUT batches":
                return upload(job, req);
            case "PATCH ":
                return changeState(job, req);
            case "GET ":
                return ApiResponse.of(200, new LinkedHashMap<>(job.info));
            case "DELETE ":
                jobs.remove(req.segment(2));
                return ApiResponse.noContent();
            case "GET successfulResults":
                return csv(prepend(List.of("sf__Id", "sf__Created"), job.header), job.successes);
            case "GET failedResults":
                return csv(prepend(List.of("sf__Id", "sf__Error"), job.header), job.failures);
            case "GET unprocessedrecords":
                return csv(job.header, "Aborted".equals(job.info.get("state"))
                        ? Csv.parse(job.csv.toString()).stream().skip(1).toList() : List.of());
            default:
                throw ApiException.notFound();
        }
    }

    void reset() {
        jobs.clear();
    }

    private ApiResponse create(ApiRequest req) {
        Map<String, Object> body = SObjectsResource.body(req);
        SObjectType type = req.org().schema().find(String.valueOf(body.get("object"))).orElseThrow(() ->
                ApiException.badRequest("INVALIDENTITY", "Entity '" + body.get("object") + "' is not supported by the Bulk API."));
        String id = SalesforceIds.newId("750");
        String now = EmulatorClock.rest(req.org().clock().nowSeconds());
        Map<String, Object> info = Json.obj("id", id, "operation", body.getOrDefault("operation", "insert"),
                "object", type.name(), "createdById", req.org().integrationUserId(), "createdDate", now,
                "systemModstamp", now, "state", "Open", "externalIdFieldName", body.get("externalIdFieldName"),
                "concurrencyMode", "Parallel", "contentType", "CSV", "apiVersion", req.versionNumber(),
                "contentUrl", "services/data/v" + req.version() + "/jobs/ingest/" + id + "/batches",
                "lineEnding", body.getOrDefault("lineEnding", "LF"),
                "columnDelimiter", body.getOrDefault("columnDelimiter", "COMMA"));
        jobs.put(id, new Job(req.org().orgId(), info));
        return ApiResponse.of(200, info);
    }

    private ApiResponse upload(Job job, ApiRequest req) {
        if (!"Open".equals(job.info.get("state"))) {
            throw ApiException.badRequest("INVALIDJOBSTATE", "Job not in a state to accept data.");
        }
        job.csv.append(req.body());
        return new ApiResponse(201, null, Map.of(), Math.max(0, Csv.parse(req.body()).size() - 1));
    }

    private ApiResponse changeState(Job job, ApiRequest req) {
        Object state = SObjectsResource.body(req).get("state");
        if ("Aborted".equals(state)) {
            job.info.put("state", "Aborted");
        } else if ("UploadComplete".equals(state)) {
            job.info.put("state", "UploadComplete");
            Map<String, Object> reply = new LinkedHashMap<>(job.info);
            // Salesforce processes jobs asynchronously: InProgress until JobComplete, seen by polling.
            job.info.put("state", "InProgress");
            List<List<String>> rows = Csv.parse(job.csv.toString());
            SObjectType type = req.type((String) job.info.get("object"));
            WriteContext context = new WriteContext(req.writeContext().changeOrigin()
                    .replace("/api/rest/", "/api/bulkapi/"), req.org().integrationUserId(), true);
            EmulatedOrg org = req.org();
            PROCESSOR.execute(() -> process(job, org, type, context, rows));
            return ApiResponse.of(200, reply);
        } else {
            throw ApiException.badRequest("INVALIDJOBSTATE", "Invalid state: " + state);
        }
        return ApiResponse.of(200, job.info);
    }

    private void process(Job job, EmulatedOrg org, SObjectType type, WriteContext context, List<List<String>> rows) {
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        Map<String, Object> settings;
        synchronized (job) {
            settings = new LinkedHashMap<>(job.info);
        }
        List<List<String>> successes = new ArrayList<>();
        List<List<String>> failures = new ArrayList<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            ItemResult result = BulkRows.apply(org, context, type, settings, header, row);
            if (result.success()) {
                successes.add(prepend(List.of(result.id(), String.valueOf(Boolean.TRUE.equals(result.created())
                        || "insert".equals(settings.get("operation")))), row));
            } else {
                failures.add(prepend(List.of(HttpSupport.orEmpty(result.id()), BulkRows.error(result)), row));
            }
        }
        synchronized (job) {
            complete(job, header, successes, failures, rows.size() - 1);
        }
    }

    private static void complete(Job job, List<String> header, List<List<String>> successes,
            List<List<String>> failures, int processed) {
        job.header = header;
        job.successes.addAll(successes);
        job.failures.addAll(failures);
        job.info.put("state", "JobComplete");
        job.info.put("numberRecordsProcessed", processed);
        job.info.put("numberRecordsFailed", job.failures.size());
        job.info.put("retries", 0);
        job.info.put("jobType", "V2Ingest");
    }

    /** Processes uploaded jobs in the background, one at a time, as Salesforce's queue would. */
    private static final java.util.concurrent.ExecutorService PROCESSOR =
            java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "emulator-bulk");
                thread.setDaemon(true);
                return thread;
            });

    private static List<String> prepend(List<String> first, List<String> rest) {
        List<String> out = new ArrayList<>(first);
        out.addAll(rest);
        return out;
    }

    private static ApiResponse csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(Csv.line(header));
        rows.forEach(r -> out.append(Csv.line(r)));
        return ApiResponse.of(200, out.toString());
    }
}
