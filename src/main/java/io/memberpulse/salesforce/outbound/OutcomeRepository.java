package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what a Salesforce call did, in one transaction after the call: items closed, failed or
 * requeued, member links updated with the values written, and a sync-log entry per final outcome.
 */
@ApplicationScoped
class OutcomeRepository {

    private final OutboxRepository outbox;
    private final LinkRepository links;
    private final OutboundOperations operations;

    OutcomeRepository(OutboxRepository outbox, LinkRepository links, OutboundOperations operations) {
        this.outbox = outbox;
        this.links = links;
        this.operations = operations;
    }

    Uni<Void> record(String tenantId, List<ItemOutcome> outcomes) {
        return outbox.pool().withTransaction(connection -> OutboxRepository.lockTenant(connection, tenantId)
                .chain(() -> closeDone(connection, tenantId, outcomes))
                .chain(() -> link(connection, tenantId, contactsDone(outcomes)))
                .chain(() -> fail(connection, of(outcomes, ItemOutcome.Kind.FAILED)))
                .chain(() -> requeue(connection, of(outcomes, ItemOutcome.Kind.RETRY), true))
                .chain(() -> requeue(connection, of(outcomes, ItemOutcome.Kind.REQUEUE), false))
                .chain(() -> log(connection, tenantId, outcomes))
                .chain(() -> countBackfillCall(connection, outcomes))
                .chain(() -> operations.recorded(connection, tenantId, outcomes)));
    }

    /** Only Contact upserts link the member to a Contact. */
    private static List<ItemOutcome> contactsDone(List<ItemOutcome> outcomes) {
        return of(outcomes, ItemOutcome.Kind.DONE).stream()
                .filter(o -> OutboundOperation.CONTACT_UPSERT.equals(o.item().operation()))
                .collect(Collectors.toList());
    }

    /** A batch that reached Salesforce cost each backfill job in it one API call. */
    private Uni<Void> countBackfillCall(SqlConnection connection, List<ItemOutcome> outcomes) {
        Long[] jobs = outcomes.stream()
                .filter(o -> o.kind() != ItemOutcome.Kind.SKIPPED && o.kind() != ItemOutcome.Kind.REQUEUE
                        && o.kind() != ItemOutcome.Kind.UNNEEDED)
                .map(o -> o.item().backfillJobId())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray(Long[]::new);
        if (jobs.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update backfill_job set api_calls = api_calls + 1 where id = any($1)")
                .execute(Tuple.of(jobs))
                .replaceWithVoid();
    }

    private Uni<Void> closeDone(SqlConnection connection, String tenantId, List<ItemOutcome> outcomes) {
        List<ItemOutcome> closed = new ArrayList<>(of(outcomes, ItemOutcome.Kind.DONE));
        closed.addAll(of(outcomes, ItemOutcome.Kind.SKIPPED));
        closed.addAll(of(outcomes, ItemOutcome.Kind.UNNEEDED));
        if (closed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox_item set status = 'DONE', claimed_until = null, "
                + "last_error_code = null, last_error_message = null, updated_at = now() where id = any($1)")
                .execute(Tuple.of(ids(closed)))
                .replaceWithVoid();
    }

    private Uni<Void> link(SqlConnection connection, String tenantId, List<ItemOutcome> done) {
        if (done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return links.upsert(connection, tenantId, strings(done, o -> o.item().memberId()),
                strings(done, ItemOutcome::salesforceId), strings(done, ItemOutcome::accountId),
                strings(done, o -> o.written().toString()))
                .chain(() -> links.recordFieldTimes(connection, tenantId, ids(done)));
    }

    private Uni<Void> fail(SqlConnection connection, List<ItemOutcome> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox_item o set status = 'FAILED', claimed_until = null, "
                + "last_error_code = u.code, last_error_message = u.message, updated_at = now() "
                + "from unnest($1::bigint[], $2::text[], $3::text[]) as u(id, code, message) where o.id = u.id")
                .execute(Tuple.of(ids(failed), strings(failed, ItemOutcome::errorCode),
                        strings(failed, o -> truncate(o.errorMessage()))))
                .replaceWithVoid();
    }

    private Uni<Void> requeue(SqlConnection connection, List<ItemOutcome> outcomes, boolean countAttempt) {
        return outbox.requeue(connection,
                outcomes.stream().map(o -> o.item().id()).collect(Collectors.toList()),
                outcomes.stream().map(ItemOutcome::retryAt).collect(Collectors.toList()),
                outcomes.stream().map(ItemOutcome::errorCode).collect(Collectors.toList()),
                outcomes.stream().map(o -> truncate(o.errorMessage())).collect(Collectors.toList()),
                countAttempt);
    }

    /** One entry per final outcome; retries show up as the attempt count of the final entry. */
    private Uni<Void> log(SqlConnection connection, String tenantId, List<ItemOutcome> outcomes) {
        List<ItemOutcome> logged = outcomes.stream()
                .filter(o -> o.kind() == ItemOutcome.Kind.DONE || o.kind() == ItemOutcome.Kind.FAILED
                        || o.kind() == ItemOutcome.Kind.SKIPPED)
                .collect(Collectors.toList());
        if (logged.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return links.appendSyncLog(connection, tenantId, strings(logged, o -> o.item().memberId()),
                strings(logged, o -> o.item().operation()), strings(logged, o -> blankToNull(o.item().itemKey())),
                strings(logged, ItemOutcome::salesforceId), strings(logged, OutcomeRepository::outcomeName),
                strings(logged, ItemOutcome::errorCode), strings(logged, o -> truncate(o.errorMessage())),
                strings(logged, o -> truncate(o.adminHint())),
                logged.stream().map(o -> o.item().attempts()).toArray(Integer[]::new), ids(logged));
    }

    private static String outcomeName(ItemOutcome outcome) {
        return outcome.kind() == ItemOutcome.Kind.DONE ? "SUCCESS" : outcome.kind().name();
    }

    private static List<ItemOutcome> of(List<ItemOutcome> outcomes, ItemOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).collect(Collectors.toList());
    }

    private static Long[] ids(List<ItemOutcome> outcomes) {
        return outcomes.stream().map(o -> o.item().id()).toArray(Long[]::new);
    }

    private static String[] strings(List<ItemOutcome> outcomes, Function<ItemOutcome, String> value) {
        return outcomes.stream().map(value).toArray(String[]::new);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
