package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Compares what changed in a tenant's org since the last watermark with what was applied, and
 * applies what was missed (a catch-up of Contacts and Leads with source RECONCILIATION). One replica
 * reconciles a tenant at a time (a lease row); the findings go to the sync log and {@code GET /status}.
 */
@ApplicationScoped
public class ReconciliationService {

    static final List<String> OBJECTS = List.of("Contact", "Lead");

    private final String holder = UUID.randomUUID().toString();
    private final CatchUp catchUp;
    private final InboundWatermarks watermarks;
    private final ReconciliationRepository runs;
    private final InboundConfig config;

    ReconciliationService(CatchUp catchUp, InboundWatermarks watermarks, ReconciliationRepository runs,
            InboundConfig config) {
        this.catchUp = catchUp;
        this.watermarks = watermarks;
        this.runs = runs;
        this.config = config;
    }

    /** The findings of one run; {@code ran} is false when another replica holds the tenant's lease. */
    public record Findings(boolean ran, int examined, int applied) {
    }

    /** Reconciles every tenant with auto-sync on, one after the other; a tenant's failure stops no other. */
    public Uni<Integer> reconcileAll() {
        return runs.syncingTenants()
                .chain(this::reconcileEach);
    }

    private Uni<Integer> reconcileEach(List<String> tenants) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (String tenantId : tenants) {
            done = done.chain(count -> reconcile(tenantId)
                    .map(findings -> findings.ran() ? count + 1 : count));
        }
        return done;
    }

    /** Reconciles one tenant, unless another replica is doing it now. Failures are recorded, not thrown. */
    public Uni<Findings> reconcile(String tenantId) {
        return runs.lease(tenantId, holder, config.reconciliationLease())
                .chain(leased -> leased ? run(tenantId) : Uni.createFrom().item(new Findings(false, 0, 0)));
    }

    private Uni<Findings> run(String tenantId) {
        Uni<Findings> findings = Uni.createFrom().item(new Findings(true, 0, 0));
        for (String objectType : OBJECTS) {
            findings = findings.chain(sum -> reconcileObject(tenantId, objectType)
                    .map(found -> new Findings(true, sum.examined() + found.examined(), sum.applied() + found.applied())));
        }
        return findings
                .call(found -> runs.finish(tenantId, holder, found.examined(), found.applied(), null))
                .onFailure().call(failure -> recordFailure(tenantId, failure))
                .onFailure().recoverWithItem(new Findings(true, 0, 0));
    }

    private Uni<CatchUp.CatchUpResult> reconcileObject(String tenantId, String objectType) {
        return watermarks.find(tenantId, objectType)
                .map(found -> found.orElseGet(() -> Instant.now().minus(config.firstReconciliationLookback())))
                .chain(since -> catchUp.catchUp(tenantId, objectType, since, ChangeSource.RECONCILIATION));
    }

    /** Any failure ends this tenant's run and is shown to the admin; the next run tries again. */
    private Uni<Void> recordFailure(String tenantId, Throwable failure) {
        Log.warnf("Reconciliation of tenant %s failed: %s", tenantId, failure.toString());
        return runs.finish(tenantId, holder, 0, 0, String.valueOf(failure.getMessage()));
    }

    /** The last finished run of the tenant, for {@code GET /status}. */
    Uni<java.util.Optional<ReconciliationRepository.LastRun>> lastRun(String tenantId) {
        return runs.lastRun(tenantId);
    }
}
