package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Forgets {@code inbound_record} rows that decide nothing any more (see
 * {@link InboundConfig#recordRetention()}), so the table holds the records changed in the last few
 * days rather than every record ever changed. Deletes in slices, skipping rows an apply holds locked:
 * a row being used now is not old.
 */
@ApplicationScoped
class InboundRecordPruning {

    static final int SLICE = 5_000;

    // The row's own last touch (updated_at) and the Salesforce time it holds must both be old: a
    // change stamped ahead of this server's clock keeps its row until it is old by both clocks.
    private static final String DELETE_SLICE = "delete from inbound_record where ctid = any(array("
            + "select ctid from inbound_record where updated_at < $1 and (changed_at is null or changed_at < $1) "
            + "limit $2 for update skip locked))";

    private final Pool pool;
    private final InboundConfig config;

    InboundRecordPruning(Pool pool, InboundConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune().invoke(this::logPruned).replaceWithVoid();
    }

    /** Deletes every row older than the retention, a slice at a time; answers how many. */
    Uni<Long> prune() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.recordRetention());
        return pruneFrom(cutoff, 0);
    }

    private Uni<Long> pruneFrom(OffsetDateTime cutoff, long sofar) {
        return pool.preparedQuery(DELETE_SLICE).execute(Tuple.of(cutoff, SLICE))
                .chain(rows -> rows.rowCount() < SLICE ? Uni.createFrom().item(sofar + rows.rowCount())
                        : pruneFrom(cutoff, sofar + rows.rowCount()));
    }

    private void logPruned(long pruned) {
        if (pruned > 0) {
            Log.infof("Forgot %d inbound record states older than %s", pruned, config.recordRetention());
        }
    }
}
