package io.memberpulse.salesforce.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.intake.MemberProfiles;
import io.memberpulse.salesforce.outbound.BackfillQueue;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Receives backfill pages into a job and reports a job's progress. */
@ApplicationScoped
public class BackfillService {

    private final BackfillRepository jobs;
    private final BackfillQueue queue;
    private final ConnectionService connections;
    private final BackfillConfig config;
    private final Pool pool;

    BackfillService(BackfillRepository jobs, BackfillQueue queue, ConnectionService connections, BackfillConfig config,
            Pool pool) {
        this.jobs = jobs;
        this.queue = queue;
        this.connections = connections;
        this.config = config;
        this.pool = pool;
    }

    /**
     * Members of queued jobs per tenant (for the wake-up call). The runner starts queued jobs within
     * its poll interval once a pod is up.
     */
    public Uni<Map<String, Long>> queuedMembersByTenant() {
        return jobs.queuedMembersByTenant();
    }

    /** Starts a job with its first page; answers the job. The runner picks it up within its poll interval. */
    public Uni<BackfillView> start(String tenantId, BackfillRequest request, String actor) {
        List<JsonNode> members = validated(request);
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .chain(() -> pool.withTransaction(connection -> jobs.create(connection, tenantId, actor)
                        .call(jobId -> receive(connection, jobId, members, request.more()))))
                .chain(jobId -> view(tenantId, jobId));
    }

    /** Adds a page to a job that is still receiving. */
    public Uni<BackfillView> addPage(String tenantId, long jobId, BackfillRequest request) {
        List<JsonNode> members = validated(request);
        return pool.withTransaction(connection -> jobs.lockReceiving(connection, tenantId, jobId)
                .onItem().ifNull().failWith(() -> notFound(jobId))
                .invoke(BackfillService::requireReceiving)
                .call(job -> receive(connection, jobId, members, request.more())))
                .chain(() -> view(tenantId, jobId));
    }

    public Uni<BackfillView> view(String tenantId, long jobId) {
        return jobs.find(tenantId, jobId)
                .onItem().ifNull().failWith(() -> notFound(jobId))
                .chain(this::withProgress);
    }

    private Uni<BackfillView> withProgress(BackfillJob job) {
        if (!"COLLECTIONS".equals(job.mode()) || !"RUNNING".equals(job.status())) {
            return Uni.createFrom().item(BackfillViews.of(job, job.done(), job.failed()));
        }
        return queue.progress(job.id())
                .map(progress -> BackfillViews.of(job, progress.done(), progress.failed()));
    }

    private Uni<Void> receive(SqlConnection connection, long jobId, List<JsonNode> members, Boolean more) {
        List<String> ids = new ArrayList<>(members.size());
        List<String> fields = new ArrayList<>(members.size());
        for (JsonNode member : members) {
            ObjectNode profile = ((ObjectNode) member).deepCopy();
            ids.add(profile.remove("memberId").asText());
            fields.add(profile.toString());
        }
        Uni<Void> added = members.isEmpty() ? Uni.createFrom().voidItem()
                : jobs.addMembers(connection, jobId, ids, fields);
        return Boolean.TRUE.equals(more) ? added : added.chain(() -> jobs.close(connection, jobId));
    }

    private List<JsonNode> validated(BackfillRequest request) {
        if (request == null || request.members() == null) {
            throw ProblemException.invalidField("members", "is required: a list of members");
        }
        if (request.members().size() > config.maxPageSize()) {
            throw ProblemException.invalidField("members", "holds " + request.members().size()
                    + " members; send at most " + config.maxPageSize() + " per page (more: true, then further pages)");
        }
        MemberProfiles.check(request.members(), "members").ifPresent(problem -> {
            throw problem;
        });
        return request.members();
    }

    private static void requireReceiving(BackfillJob job) {
        if (!"RECEIVING".equals(job.status())) {
            throw new ProblemException(ProblemType.CONFLICT, "Backfill " + job.id() + " is " + job.status()
                    + " and takes no more pages");
        }
    }

    private static ProblemException notFound(long jobId) {
        return ProblemException.notFound("No backfill " + jobId + " for this tenant");
    }

    static Long secondsLeft(BackfillJob job, long processed) {
        if (job.startedAt() == null || processed == 0 || processed >= job.total()) {
            return processed >= job.total() && job.total() > 0 ? 0L : null;
        }
        double elapsed = Math.max(1, Duration.between(job.startedAt(), Instant.now()).toMillis());
        return Math.round((job.total() - processed) * elapsed / processed / 1000.0);
    }
}
