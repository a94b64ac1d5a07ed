package io.memberpulse.salesforce.inbound;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
    private final ReplayPositions positions;
    private final CdcConfig cdc;

    ReconciliationService(CatchUp catchUp, InboundWatermarks watermarks, ReconciliationRepository runs,
            InboundConfig config, ReplayPositions positions, CdcConfig cdc) {
        this.catchUp = catchUp;
        this.watermarks = watermarks;
        this.runs = runs;
        this.config = config;
        this.positions = positions;
        this.cdc = cdc;
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
        return cdc.enabled()
                ? positions.find(tenantId).chain(streamed -> runUpTo(tenantId, streamed))
                : runUpTo(tenantId, Map.of());
    }

    private Uni<Findings> runUpTo(String tenantId, Map<String, ReplayPositions.Position> streamed) {
        Uni<Findings> findings = Uni.createFrom().item(new Findings(true, 0, 0));
        for (String objectType : OBJECTS) {
            Instant until = streamedUpTo(streamed, objectType);
            findings = findings.chain(sum -> reconcileObject(tenantId, objectType, until)
                    .map(found -> new Findings(true, sum.examined() + found.examined(), sum.applied() + found.applied())));
        }
        return findings
                .call(found -> runs.finish(tenantId, holder, found.examined(), found.applied(), null))
                .onFailure().call(failure -> recordFailure(tenantId, failure))
                .onFailure().recoverWithItem(new Findings(true, 0, 0));
    }

    private Uni<CatchUp.CatchUpResult> reconcileObject(String tenantId, String objectType, Instant until) {
        return watermarks.find(tenantId, objectType)
                .map(found -> found.orElseGet(() -> Instant.now().minus(config.firstReconciliationLookback())))
                .chain(since -> catchUp.catchUpTo(tenantId, objectType, since, until, ChangeSource.RECONCILIATION));
    }

    /**
     * Where the object's CDC stream has applied up to (null: no stream position, no bound). What
     * changed later is still coming through the stream in commit order (live, replayed after a
     * restart, or by the stream's own catch-up when its replay id expired); reconciling it now would
     * deliver a newer value before the stream's older changes, which then look stale and are dropped.
     * SystemModstamp has whole seconds and the commit time milliseconds, so the position's own second
     * is left to the stream too. Only a position reached by a streamed event counts: one that is still
     * a catch-up watermark (-1) does not prove the object streams at all (an org that has not selected
     * it for Change Data Capture never sends one), and reconciliation is then all there is.
     */
    private static Instant streamedUpTo(Map<String, ReplayPositions.Position> streamed, String objectType) {
        ReplayPositions.Position position = streamed.get("/data/" + objectType + "ChangeEvent");
        return position == null || !position.replayable() ? null
                : position.committedAt().truncatedTo(ChronoUnit.SECONDS);
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
