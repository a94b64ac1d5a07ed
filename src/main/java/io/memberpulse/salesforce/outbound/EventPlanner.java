package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a tenant's stored member events into pending writes, in one transaction per batch: events
 * locked, folded per member, operation and item key (the Contact write here, other kinds by the
 * features' {@link WorkPlanner}s), merged into the pending item of the same key (changes to one
 * member's Contact always coalesce into one write), companies registered, events marked planned,
 * the worker notified. Planning runs whether auto-sync is on or off.
 */
@ApplicationScoped
class EventPlanner {

    private final Pool pool;
    private final PlannerRepository repository;
    private final MappingService mappings;
    private final OutboundConfig config;
    private final WorkPlanners planners;
    private final OutboundOperations operations;

    EventPlanner(Pool pool, PlannerRepository repository, MappingService mappings, OutboundConfig config,
            WorkPlanners planners, OutboundOperations operations) {
        this.pool = pool;
        this.repository = repository;
        this.mappings = mappings;
        this.config = config;
        this.planners = planners;
        this.operations = operations;
    }

    /** Plans one batch; answers how many events it took (fewer than the batch size: nothing left). */
    Uni<Integer> planBatch(String tenantId) {
        return mappings.contactMapping(tenantId)
                .chain(mapping -> planners.forTenant(tenantId)
                        .chain(folders -> pool.withTransaction(connection -> plan(connection, tenantId, mapping,
                                folders))));
    }

    int batchSize() {
        return config.planBatchSize();
    }

    private Uni<Integer> plan(SqlConnection connection, String tenantId, ContactMapping mapping,
            List<WorkPlanner.EventFolder> folders) {
        PlanningRound round = new PlanningRound(tenantId, mapping, folders);
        return OutboxRepository.lockTenant(connection, tenantId)
                .chain(() -> repository.lockUnplannedEvents(connection, tenantId, config.planBatchSize()))
                .invoke(round::fold)
                .chain(() -> round.eventIds.isEmpty() ? Uni.createFrom().item(0) : write(connection, round));
    }

    private Uni<Integer> write(SqlConnection connection, PlanningRound round) {
        List<String> members = round.memberIds();
        return repository.lockPendingChanges(connection, round.tenantId, round.all())
                .invoke(round::mergePending)
                .chain(() -> repository.linkedCompanyKeys(connection, round.tenantId, members))
                .invoke(round::rememberLinkedCompanies)
                .chain(() -> storeChanges(connection, round))
                .chain(() -> registerCompanies(connection, round))
                .chain(() -> repository.markPlanned(connection, round.eventIds))
                .chain(() -> round.hasWork() ? repository.notifyOutbox(connection, round.tenantId)
                        : Uni.createFrom().nullItem())
                .replaceWith(round.eventIds.size());
    }

    private Uni<Void> storeChanges(SqlConnection connection, PlanningRound round) {
        List<PlannedChange> updates = round.toUpdate();
        List<PlannedChange> inserts = round.toInsert();
        Uni<?> updated = updates.isEmpty() ? Uni.createFrom().nullItem()
                : repository.updatePending(connection, updates, round.companyKeysOf(updates));
        return updated
                .chain(() -> inserts.isEmpty() ? Uni.createFrom().nullItem()
                        : repository.insertPending(connection, round.tenantId, inserts, round.companyKeysOf(inserts),
                                needsContact(inserts)))
                .replaceWithVoid();
    }

    private Boolean[] needsContact(List<PlannedChange> changes) {
        Map<String, Boolean> needs = operations.needingContact();
        return changes.stream().map(c -> needs.getOrDefault(c.operation, false)).toArray(Boolean[]::new);
    }

    private Uni<Void> registerCompanies(SqlConnection connection, PlanningRound round) {
        Map<String, String> companies = round.companies();
        if (companies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.registerCompanies(connection, round.tenantId, new ArrayList<>(companies.keySet()),
                new ArrayList<>(companies.values()))
                .replaceWithVoid();
    }
}
