package io.memberpulse.salesforce.backfill;

import io.memberpulse.salesforce.outbound.BackfillQueue;
import io.memberpulse.salesforce.outbound.BulkUpsert;
import io.memberpulse.salesforce.outbound.MemberSnapshot;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Runs queued backfill jobs, one at a time per replica (claimed with SKIP LOCKED, so replicas share
 * the queue). Up to the bulk threshold a job's members join the outbox at backfill priority and are
 * sent in Collections batches behind live changes; above it they go out as one Bulk API 2.0 job.
 * A job waits while its tenant may not sync (not connected, auto-sync off, paused).
 */
@ApplicationScoped
public class BackfillRunner {

    private static final int ENQUEUE_CHUNK = 5000;

    private final BackfillRepository jobs;
    private final BackfillQueue queue;
    private final BulkUpsert bulk;
    private final ConnectionService connections;
    private final TenantCredentials credentials;
    private final BackfillConfig config;
    /** The job this replica has claimed and is running now (one at a time), for shutdown. */
    private volatile Long held;
    private volatile boolean stopped;

    BackfillRunner(BackfillRepository jobs, BackfillQueue queue, BulkUpsert bulk, ConnectionService connections,
            TenantCredentials credentials, BackfillConfig config) {
        this.jobs = jobs;
        this.queue = queue;
        this.bulk = bulk;
        this.connections = connections;
        this.credentials = credentials;
        this.config = config;
    }

    @Scheduled(every = "${memberpulse.backfill.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        return completeCollectionJobs()
                .chain(() -> jobs.claimNext(config.claimTimeout()))
                .chain(job -> job == null ? Uni.createFrom().voidItem() : run(job));
    }

    private Uni<Void> run(BackfillJob job) {
        held = job.id();
        return connections.syncGate(job.tenantId())
                .chain(gate -> gate.open(Instant.now()) ? start(job) : jobs.unclaim(job.id(), config.retryDelay()))
                .eventually(() -> held = null);
    }

    /** Shutdown: claim no further job; answers the one this replica is running, if any. */
    Long stop() {
        stopped = true;
        return held;
    }

    private Uni<Void> start(BackfillJob job) {
        return credentials.of(job.tenantId())
                .chain(org -> jobs.members(job.id())
                        .chain(members -> members.size() > config.bulkThreshold() ? viaBulk(org, job, members)
                                : viaCollections(job, members)))
                .onFailure(SalesforceException.Permanent.class).call(failure -> fail(job, failure))
                .onFailure(SalesforceException.CredentialsRejected.class).call(failure -> fail(job, failure))
                .onFailure(SalesforceException.class).call(failure -> later(job, failure))
                .onFailure(SalesforceException.class).recoverWithNull()
                // Not enough settings to connect (e.g. no refresh token yet): wait, do not spin.
                .onFailure(io.memberpulse.salesforce.problem.ProblemException.class)
                .call(failure -> later(job, failure))
                .onFailure(io.memberpulse.salesforce.problem.ProblemException.class).recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> viaCollections(BackfillJob job, List<MemberSnapshot> members) {
        Instant asOf = job.createdAt();
        // Queue first, then mark the job as living in the outbox: a crash in between leaves the job
        // claimed, so it is taken up again and queued again (queuing a member twice merges).
        return Multi.createFrom().iterable(chunks(members))
                .onItem().transformToUniAndConcatenate(chunk -> queue.enqueue(job.tenantId(), job.id(), asOf, chunk))
                .collect().last()
                .chain(() -> jobs.started(job.id(), "COLLECTIONS"))
                .invoke(() -> Log.infof("Backfill %d of tenant %s: %d members queued for Collections", job.id(),
                        job.tenantId(), members.size()))
                .replaceWithVoid();
    }

    private Uni<Void> viaBulk(OrgCredentials org, BackfillJob job, List<MemberSnapshot> members) {
        return jobs.started(job.id(), "BULK")
                .chain(() -> bulk.run(org, job.createdAt(), members, config.bulkPollInterval(),
                        salesforceJob -> jobs.rememberSalesforceJob(job.id(), salesforceJob),
                        () -> jobs.renewClaim(job.id(), config.claimTimeout())))
                .chain(result -> jobs.finish(job.id(), "DONE", result.salesforceIds().size() + result.diverted(),
                        result.errors().size(),
                        result.apiCalls(), null))
                .invoke(() -> Log.infof("Backfill %d of tenant %s: Bulk API job done", job.id(), job.tenantId()));
    }

    /** A Collections job is done when none of its members waits in the outbox any more. */
    private Uni<Void> completeCollectionJobs() {
        return jobs.runningCollectionJobs()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::completeIfDrained)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> completeIfDrained(BackfillJob job) {
        return queue.progress(job.id())
                .chain(progress -> progress.pending() > 0 ? Uni.createFrom().voidItem()
                        : jobs.finish(job.id(), "DONE", progress.done(), progress.failed(), null, null));
    }

    private Uni<Void> fail(BackfillJob job, Throwable failure) {
        SalesforceException error = (SalesforceException) failure;
        Log.warnf("Backfill %d of tenant %s failed: %s", job.id(), job.tenantId(), error.errorCode());
        return jobs.finish(job.id(), "FAILED", 0, 0, null, error.errorCode() + ": " + error.getMessage() + " "
                + error.adminHint());
    }

    /** Transient: back to the queue, due again after the retry delay; other tenants' jobs go first. */
    private Uni<Void> later(BackfillJob job, Throwable failure) {
        if (failure instanceof SalesforceException.Permanent || failure instanceof SalesforceException.CredentialsRejected) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("Backfill %d of tenant %s waits: %s", job.id(), job.tenantId(), failure.getMessage());
        return jobs.unclaim(job.id(), config.retryDelay());
    }

    private static List<List<MemberSnapshot>> chunks(List<MemberSnapshot> members) {
        List<List<MemberSnapshot>> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < members.size(); start += ENQUEUE_CHUNK) {
            chunks.add(members.subList(start, Math.min(members.size(), start + ENQUEUE_CHUNK)));
        }
        return chunks;
    }
}
