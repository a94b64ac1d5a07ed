package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciliation runs: a lease row per tenant (one replica reconciles a tenant at a time; a lease
 * left by a dead replica expires) and what the last run found.
 */
@ApplicationScoped
class ReconciliationRepository {

    /** What the last finished reconciliation of a tenant found. */
    record LastRun(Instant at, int examined, int applied, String error) {
    }

    private final Pool pool;

    ReconciliationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Tenants whose changes flow in: auto-sync on and connected. */
    Uni<List<String>> syncingTenants() {
        return pool.preparedQuery("select tenant_id from salesforce_connection where auto_sync and state = 'CONNECTED' "
                + "order by tenant_id")
                .execute()
                .map(rows -> {
                    List<String> tenants = new ArrayList<>();
                    rows.forEach(row -> tenants.add(row.getString("tenant_id")));
                    return tenants;
                });
    }

    /** Takes the tenant's lease unless another replica holds an unexpired one; true when taken. */
    Uni<Boolean> lease(String tenantId, String holder, Duration duration) {
        return pool.preparedQuery("insert into reconciliation_run (tenant_id, holder, lease_until) values ($1, $2, "
                + "now() + $3 * interval '1 millisecond') on conflict (tenant_id) do update set holder = excluded.holder, "
                + "lease_until = excluded.lease_until where reconciliation_run.lease_until is null "
                + "or reconciliation_run.lease_until < now() returning tenant_id")
                .execute(Tuple.of(tenantId, holder, duration.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Records the run's findings, releases the lease and logs them for the admin: one transaction. */
    Uni<Void> finish(String tenantId, String holder, int examined, int applied, String error) {
        String message = error == null
                ? "Reconciliation examined " + examined + " changed Contacts and Leads and applied " + applied
                + " missed changes"
                : "Reconciliation failed: " + error;
        return pool.withTransaction(connection -> connection.preparedQuery("update reconciliation_run set holder = null, "
                + "lease_until = null, last_run_at = now(), examined = $3, applied = $4, last_error = $5 "
                + "where tenant_id = $1 and holder = $2")
                .execute(Tuple.of(tenantId, holder, examined, applied, error))
                .chain(() -> connection.preparedQuery("insert into sync_log (tenant_id, operation, outcome, error_code, "
                        + "error_message, attempts) values ($1, 'RECONCILIATION', $2, $3, $4, 1)")
                        .execute(Tuple.of(tenantId, error == null ? "SUCCESS" : "FAILED",
                                error == null ? null : "RECONCILIATION_FAILED", truncate(message)))))
                .replaceWithVoid();
    }

    Uni<Optional<LastRun>> lastRun(String tenantId) {
        return pool.preparedQuery("select last_run_at, examined, applied, last_error from reconciliation_run "
                + "where tenant_id = $1 and last_run_at is not null")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<LastRun>empty() : Optional.of(lastRun(rows.iterator().next())));
    }

    private static LastRun lastRun(Row row) {
        OffsetDateTime at = row.getOffsetDateTime("last_run_at");
        return new LastRun(at.toInstant(), row.getInteger("examined"), row.getInteger("applied"),
                row.getString("last_error"));
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
