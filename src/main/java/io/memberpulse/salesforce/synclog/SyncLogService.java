package io.memberpulse.salesforce.synclog;

import io.memberpulse.salesforce.outbound.OutboxService;
import io.memberpulse.salesforce.outbound.RetryOutcome;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The sync log of a tenant, and retries of the writes it shows as failed. */
@ApplicationScoped
public class SyncLogService {

    private final SyncLogRepository log;
    private final OutboxService outbox;
    private final ConnectionService connections;

    SyncLogService(SyncLogRepository log, OutboxService outbox, ConnectionService connections) {
        this.log = log;
        this.outbox = outbox;
        this.connections = connections;
    }

    /** One page, newest first; the parameters as the caller gave them (checked here, 400 naming each bad one). */
    public Uni<SyncLogPage> page(String tenantId, String outcome, String memberId, String limit, String cursor) {
        return Uni.createFrom().item(() -> SyncLogFilter.of(tenantId, outcome, memberId, limit, cursor))
                .chain(this::page);
    }

    /** Retries the write behind one entry: 404 for an entry the tenant does not have, 409 when it is not failed. */
    public Uni<RetryView> retry(String tenantId, long entryId, String actor) {
        return log.find(tenantId, entryId)
                .invoke(entry -> requireRetryable(tenantId, entryId, entry))
                .chain(entry -> outbox.retry(tenantId, entry.outboxItemId()))
                .invoke(outcome -> Log.infof("Tenant %s: %s retried sync-log entry %d (outbox item %d): %s", tenantId,
                        actor, entryId, outcome.outboxItemId(), outcome.result()))
                .map(outcome -> view(entryId, outcome));
    }

    /** Retries every failed write of the tenant. */
    public Uni<BulkRetryView> retryAllFailed(String tenantId, String actor) {
        return outbox.retryAllFailed(tenantId)
                .call(count -> count == 0 ? requireKnownTenant(tenantId) : Uni.createFrom().voidItem())
                .invoke(count -> Log.infof("Tenant %s: %s retried all %d failed writes", tenantId, actor, count))
                .map(BulkRetryView::new);
    }

    private Uni<SyncLogPage> page(SyncLogFilter filter) {
        return log.newestFirst(filter, filter.limit() + 1)
                .chain(entries -> withRetryable(filter, entries))
                .call(page -> page.entries().isEmpty() && filter.firstPageUnfiltered()
                        ? requireKnownTenant(filter.tenantId()) : Uni.createFrom().voidItem());
    }

    /** Marks the entries whose write is still failed; the extra entry read only tells that a next page exists. */
    private Uni<SyncLogPage> withRetryable(SyncLogFilter filter, List<SyncLogRepository.StoredEntry> read) {
        boolean more = read.size() > filter.limit();
        List<SyncLogRepository.StoredEntry> entries = more ? read.subList(0, filter.limit()) : read;
        Set<Long> items = entries.stream().map(SyncLogRepository.StoredEntry::outboxItemId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        String next = more ? SyncLogCursor.of(entries.get(entries.size() - 1).id()) : null;
        return outbox.failedAmong(filter.tenantId(), items)
                .map(failed -> new SyncLogPage(views(entries, failed), next));
    }

    /** A tenant may have no log yet; one that has neither a connection nor any event is unknown. */
    private Uni<Void> requireKnownTenant(String tenantId) {
        return connections.syncGate(tenantId)
                .chain(gate -> gate.connectionExists() ? Uni.createFrom().item(true) : outbox.known(tenantId))
                .invoke(known -> requireKnown(tenantId, known))
                .replaceWithVoid();
    }

    private static void requireKnown(String tenantId, boolean known) {
        if (!known) {
            throw ProblemException.notFound("Tenant " + tenantId + " has no Salesforce connection and sent no "
                    + "member events");
        }
    }

    private static void requireRetryable(String tenantId, long entryId, SyncLogRepository.StoredEntry entry) {
        if (entry == null) {
            throw ProblemException.notFound("Tenant " + tenantId + " has no sync-log entry " + entryId);
        }
        if (entry.outboxItemId() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Sync-log entry " + entryId
                    + " records no queued write, so there is nothing to retry");
        }
    }

    private static List<SyncLogEntryView> views(List<SyncLogRepository.StoredEntry> entries, Set<Long> failed) {
        return entries.stream()
                .map(e -> new SyncLogEntryView(e.id(), e.memberId(), e.operation(), e.salesforceId(), e.outcome(),
                        e.errorCode(), e.errorMessage(), e.adminHint(), e.attempts(), e.createdAt(),
                        e.outboxItemId() != null && failed.contains(e.outboxItemId())))
                .collect(Collectors.toList());
    }

    private static RetryView view(long entryId, RetryOutcome outcome) {
        return new RetryView(entryId, outcome.outboxItemId(), outcome.memberId(), outcome.result().name(),
                outcome.status(), outcome.pendingItemId());
    }
}
