package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.salesforce.ApiUsage;
import io.memberpulse.salesforce.salesforce.AccessToken;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Works one of a tenant's call slots until the queue runs dry: check the tenant may sync, hold the
 * slot's lease (slots cap the tenant's calls in flight across all replicas), resolve new Accounts,
 * claim a batch (tx 1), call Salesforce (no transaction), record the outcomes (tx 2), repeat. Stops
 * when nothing is due, or the tenant is paused or needs reconnecting.
 */
@ApplicationScoped
class SlotWorker {

    private final OutboxRepository outbox;
    private final ContactWrites contactWrites;
    private final OutboundOperations operations;
    private final BatchOutcomes batchOutcomes;
    private final ContactBatch batches;
    private final OutcomeRepository outcomes;
    private final AccountResolver accounts;
    private final MappingService mappings;
    private final ConnectionService connections;
    private final TenantCredentials credentials;
    private final ApiUsage usage;
    private final SalesforceClient salesforce;
    private final OutboundConfig config;
    private final InFlightClaims claims;

    SlotWorker(OutboxRepository outbox, ContactWrites contactWrites, OutboundOperations operations,
            BatchOutcomes batchOutcomes, ContactBatch batches, OutcomeRepository outcomes,
            AccountResolver accounts, MappingService mappings, ConnectionService connections,
            TenantCredentials credentials, ApiUsage usage, SalesforceClient salesforce, OutboundConfig config,
            InFlightClaims claims) {
        this.outbox = outbox;
        this.contactWrites = contactWrites;
        this.operations = operations;
        this.batchOutcomes = batchOutcomes;
        this.batches = batches;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.mappings = mappings;
        this.connections = connections;
        this.credentials = credentials;
        this.usage = usage;
        this.salesforce = salesforce;
        this.config = config;
        this.claims = claims;
    }

    /** One turn of a slot; answers whether there may be more work right away. */
    Uni<Boolean> turn(String tenantId, int slot, String holder) {
        return Panache.withSession(() -> connections.syncGate(tenantId))
                .chain(gate -> gate.open(Instant.now()) ? leased(gate, tenantId, slot, holder)
                        : Uni.createFrom().item(false));
    }

    Uni<Void> release(String tenantId, int slot, String holder) {
        return outbox.release(tenantId, slot, holder);
    }

    private Uni<Boolean> leased(ConnectionService.SyncGate gate, String tenantId, int slot, String holder) {
        return outbox.lease(tenantId, slot, holder, config.leaseDuration())
                .chain(held -> held ? prepare(gate, tenantId, holder) : Uni.createFrom().item(false));
    }

    private Uni<Boolean> prepare(ConnectionService.SyncGate gate, String tenantId, String holder) {
        return credentials.of(tenantId)
                .chain(org -> session(org)
                        .chain(session -> session == null ? Uni.createFrom().item(false)
                                : withSession(gate, org, session, holder)));
    }

    private Uni<Boolean> withSession(ConnectionService.SyncGate gate, OrgCredentials org, AccessToken session,
            String holder) {
        if (sameOrg(gate, session)) {
            return work(gate, org, holder);
        }
        return gate.orgId() == null ? firstOrg(gate, org, session, holder) : orgChanged(gate, org, session);
    }

    /**
     * A session, or null when none can be had now: rejected credentials mark the tenant as needing
     * to reconnect (its gate closes); anything else waits for the next turn. Nothing is claimed yet.
     */
    private Uni<AccessToken> session(OrgCredentials org) {
        return salesforce.session(org)
                .onFailure(SalesforceException.CredentialsRejected.class)
                .call(rejected -> connections.markReconnectNeeded(org.tenantId(),
                        ((SalesforceException) rejected).adminHint()))
                .onFailure(SalesforceException.class)
                .invoke(failure -> Log.warnf("Tenant %s: no Salesforce session (%s); work waits", org.tenantId(),
                        ((SalesforceException) failure).errorCode()))
                .onFailure(SalesforceException.class)
                .recoverWithNull();
    }

    /** The first org a tenant's sync meets is simply recorded; there is nothing of an older one to forget. */
    private Uni<Boolean> firstOrg(ConnectionService.SyncGate gate, OrgCredentials org, AccessToken session,
            String holder) {
        return connections.recordOrg(org.tenantId(), null, session.orgId(), session.instanceUrl())
                .chain(() -> work(gate, org, holder));
    }

    private Uni<Boolean> work(ConnectionService.SyncGate gate, OrgCredentials org, String holder) {
        return resolveAccounts(org, holder)
                .chain(() -> mappings.contactMapping(org.tenantId()))
                .chain(mapping -> claimAndSend(gate, org, mapping));
    }

    /** The session (a cached token: no extra call) says which org the credentials lead to now. */
    private static boolean sameOrg(ConnectionService.SyncGate gate, AccessToken session) {
        return session.orgId() == null || session.orgId().equals(gate.orgId());
    }

    /**
     * Another org than the connection last recorded: record it (one slot wins, and drops the links
     * to the old org's records) and end this turn; the next turn works with the new org's state.
     */
    private Uni<Boolean> orgChanged(ConnectionService.SyncGate gate, OrgCredentials org, AccessToken session) {
        return connections.recordOrg(org.tenantId(), gate.orgId(), session.orgId(), session.instanceUrl())
                .replaceWith(false);
    }

    /** New companies get their Accounts first; if that fails now, their Contacts simply wait. */
    private Uni<Void> resolveAccounts(OrgCredentials org, String holder) {
        return accounts.resolveAll(org, holder)
                .onFailure(SalesforceException.class)
                .invoke(failure -> Log.warnf("Tenant %s: Accounts not resolved (%s); Contacts of new companies wait",
                        org.tenantId(), failure.getMessage()))
                .onFailure(SalesforceException.class)
                .recoverWithNull();
    }

    private Uni<Boolean> claimAndSend(ConnectionService.SyncGate gate, OrgCredentials org, ContactMapping mapping) {
        ApiBudget budget = ApiBudget.of(usage.of(org.tenantId()), mapping.apiBudgetShare());
        if (budget.exhausted()) {
            return pause(org.tenantId(), "API budget of " + Math.round(mapping.apiBudgetShare() * 100)
                    + "% of the daily limit used").replaceWith(false);
        }
        // Only while the connection is as this turn read it: an item planned after an admin switched the
        // connection to another org must not be written with the credentials (and org) of before.
        return outbox.claim(org.tenantId(), gate.version(), config.batchSize(), config.claimTimeout(),
                        budget.maxPriority())
                .invoke(claims::track)
                .chain(items -> items.isEmpty() ? Uni.createFrom().item(false) : send(org, mapping, items));
    }

    private Uni<Boolean> send(OrgCredentials org, ContactMapping mapping, List<ClaimedItem> items) {
        return call(org, mapping, items)
                .chain(decided -> record(org.tenantId(), decided))
                .eventually(() -> claims.forget(items));
    }

    /** A claim holds items of one operation: Contacts by the mapping, the rest by their operation. */
    private Uni<List<ItemOutcome>> attempt(OrgCredentials org, ContactMapping mapping, List<ClaimedItem> items) {
        if (!OutboundOperation.CONTACT_UPSERT.equals(items.get(0).operation())) {
            return operations.send(org, items);
        }
        return contactWrites.of(org, mapping, items)
                .chain(writes -> batches.send(org, mapping, writes));
    }

    /** Records the outcomes; answers whether the slot may go on at once. */
    private Uni<Boolean> record(String tenantId, List<ItemOutcome> decided) {
        return outcomes.record(tenantId, decided)
                .replaceWith(decided.stream().noneMatch(SlotWorker::stopsTheSlot));
    }

    private Uni<List<ItemOutcome>> call(OrgCredentials org, ContactMapping mapping, List<ClaimedItem> items) {
        return attempt(org, mapping, items)
                .onFailure(SalesforceException.class)
                .recoverWithUni(failure -> afterFailure(org, items, (SalesforceException) failure));
    }

    private Uni<List<ItemOutcome>> afterFailure(OrgCredentials org, List<ClaimedItem> items,
            SalesforceException failure) {
        Log.warnf("Tenant %s: Salesforce call for %d %s items failed: %s %s", org.tenantId(), items.size(),
                items.get(0).operation(), failure.errorCode(), failure.getMessage());
        Uni<Void> tenantEffect = Uni.createFrom().voidItem();
        if (failure instanceof SalesforceException.CredentialsRejected) {
            tenantEffect = Panache.withTransaction(() -> connections.markReconnectNeeded(org.tenantId(),
                    failure.adminHint()));
        } else if (failure instanceof SalesforceException.LimitExceeded) {
            tenantEffect = pause(org.tenantId(), "Salesforce answered REQUEST_LIMIT_EXCEEDED");
        }
        return tenantEffect.replaceWith(batchOutcomes.afterCallFailure(items, failure));
    }

    private Uni<Void> pause(String tenantId, String reason) {
        return Panache.withTransaction(() -> connections.pauseUntil(tenantId, Instant.now().plus(config.limitPause()),
                reason));
    }

    /** A requeue or retry means Salesforce is not taking that work now: let the timer come back for it. */
    private static boolean stopsTheSlot(ItemOutcome outcome) {
        return outcome.kind() == ItemOutcome.Kind.REQUEUE || outcome.kind() == ItemOutcome.Kind.RETRY;
    }
}
