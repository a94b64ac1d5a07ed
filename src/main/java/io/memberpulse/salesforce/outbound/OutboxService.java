package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The outbox as other features see it: figures for the status page, and the admin's retry of
 * failed writes. A retried item is due at once and the worker is woken; it is sent only when the
 * tenant may sync (auto-sync on, connected, not paused).
 */
@ApplicationScoped
public class OutboxService {

    private final OutboxStatsRepository stats;
    private final FailedItemRepository failed;

    OutboxService(OutboxStatsRepository stats, FailedItemRepository failed) {
        this.stats = stats;
        this.failed = failed;
    }

    /** The tenant's pipeline figures now. */
    public Uni<OutboxStats> stats(String tenantId) {
        return stats.stats(tenantId);
    }

    /** Whether the tenant ever sent an event or has sync history (a tenant may exist before it connects). */
    public Uni<Boolean> known(String tenantId) {
        return stats.known(tenantId);
    }

    /** Which of the given outbox items of the tenant are FAILED now, i.e. can be retried. */
    public Uni<Set<Long>> failedAmong(String tenantId, Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return stats.failedAmong(tenantId, itemIds);
    }

    /**
     * Puts one FAILED item back in the queue (see {@link RetryOutcome.Result}). Fails with a 404
     * problem when the tenant has no such item, a 409 problem when it is not FAILED.
     */
    public Uni<RetryOutcome> retry(String tenantId, long outboxItemId) {
        return failed.pool().withTransaction(connection -> retryIn(connection, tenantId, outboxItemId))
                .onFailure(FailedItemRepository.IS_PENDING_CONFLICT).retry().atMost(2)
                .invoke(outcome -> Log.infof("Tenant %s: failed outbox item %d retried: %s", tenantId, outboxItemId,
                        outcome.result()));
    }

    /** Puts every FAILED item of the tenant back in the queue, in one transaction; answers how many. */
    public Uni<Integer> retryAllFailed(String tenantId) {
        return failed.pool().withTransaction(connection -> retryAllIn(connection, tenantId))
                .onFailure(FailedItemRepository.IS_PENDING_CONFLICT).retry().atMost(2)
                .invoke(count -> Log.infof("Tenant %s: %d failed outbox items retried", tenantId, count));
    }

    private Uni<RetryOutcome> retryIn(SqlConnection connection, String tenantId, long itemId) {
        return failed.lockStatus(connection, tenantId, itemId)
                .invoke(status -> requireFailed(tenantId, itemId, status))
                .chain(() -> failed.requeueRound(connection, tenantId, itemId))
                .map(outcomes -> outcomes.get(0))
                .call(() -> failed.notifyOutbox(connection, tenantId));
    }

    private Uni<Integer> retryAllIn(SqlConnection connection, String tenantId) {
        return failed.lockFailed(connection, tenantId)
                .chain(count -> count == 0 ? Uni.createFrom().item(0) : rounds(connection, tenantId, 0))
                .call(count -> count == 0 ? Uni.createFrom().voidItem() : failed.notifyOutbox(connection, tenantId));
    }

    /** Rounds until no FAILED item is left; a member with n failed items takes n rounds. */
    private Uni<Integer> rounds(SqlConnection connection, String tenantId, int total) {
        return failed.requeueRound(connection, tenantId, null)
                .chain(outcomes -> next(connection, tenantId, total, outcomes));
    }

    private Uni<Integer> next(SqlConnection connection, String tenantId, int total, List<RetryOutcome> outcomes) {
        return outcomes.isEmpty() ? Uni.createFrom().item(total)
                : rounds(connection, tenantId, total + outcomes.size());
    }

    private static void requireFailed(String tenantId, long itemId, String status) {
        if (status == null) {
            throw ProblemException.notFound("Tenant " + tenantId + " has no outbox item " + itemId);
        }
        if (!"FAILED".equals(status)) {
            throw new ProblemException(ProblemType.CONFLICT, "Outbox item " + itemId + " is " + status
                    + ", not FAILED: only failed writes can be retried");
        }
    }
}
