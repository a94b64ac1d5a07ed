package io.memberpulse.salesforce.inbound;

import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The SOQL catch-up: reads what changed (queryAll), then applies it chunk by chunk through the
 * applier, each chunk in a transaction of its own together with the new watermark of (tenant,
 * object). No transaction is open while Salesforce is asked: the whole result is read first.
 */
@ApplicationScoped
public class CatchUpService implements CatchUp {

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;
    private final MappingService mappings;
    private final InboundApplier applier;
    private final InboundWatermarks watermarks;
    private final InboundConfig config;

    CatchUpService(TenantCredentials credentials, SalesforceClient salesforce, MappingService mappings,
            InboundApplier applier, InboundWatermarks watermarks, InboundConfig config) {
        this.credentials = credentials;
        this.salesforce = salesforce;
        this.mappings = mappings;
        this.applier = applier;
        this.watermarks = watermarks;
        this.config = config;
    }

    /** The read rows of one catch-up, as changes in SystemModstamp order. */
    private record Read(List<SalesforceChange> changes, Instant readAt) {
    }

    @Override
    public Uni<CatchUpResult> catchUp(String tenantId, String objectType, Instant since, ChangeSource reason) {
        return catchUpTo(tenantId, objectType, since, null, reason);
    }

    @Override
    public Uni<CatchUpResult> catchUpTo(String tenantId, String objectType, Instant since, Instant until,
            ChangeSource reason) {
        Instant from = since.minus(config.catchUpMargin());
        return credentials.of(tenantId)
                .chain(org -> read(org, objectType, from, reason))
                .map(read -> bounded(read, until))
                .chain(read -> applyAll(tenantId, objectType, read))
                .invoke(result -> Log.infof("Catch-up (%s) of %s for tenant %s from %s: %d examined, %d applied",
                        reason, objectType, tenantId, from, result.examined(), result.applied()));
    }

    private Uni<Read> read(OrgCredentials org, String objectType, Instant from, ChangeSource reason) {
        Instant readAt = Instant.now();
        return mappings.contactMapping(org.tenantId())
                .map(mapping -> CatchUpQuery.soql(objectType, mapping, from))
                .chain(soql -> salesforce.queryAll(org, soql)
                        .map(row -> CatchUpQuery.change(objectType, row, reason))
                        .collect().asList())
                .map(changes -> new Read(changes, readAt));
    }

    /** Keeps what was stamped before {@code until}; the read then counts as made at {@code until}. */
    private static Read bounded(Read read, Instant until) {
        if (until == null || !until.isBefore(read.readAt())) {
            return read;
        }
        List<SalesforceChange> upTo = read.changes().stream()
                .filter(change -> change.changedAt().isBefore(until))
                .toList();
        return new Read(upTo, until);
    }

    private Uni<CatchUpResult> applyAll(String tenantId, String objectType, Read read) {
        List<List<SalesforceChange>> chunks = chunks(read.changes());
        Uni<Integer> applied = Uni.createFrom().item(0);
        for (List<SalesforceChange> chunk : chunks) {
            applied = applied.chain(sum -> applyChunk(tenantId, objectType, chunk).map(n -> sum + n));
        }
        if (chunks.isEmpty()) {
            // Nothing changed up to the moment of reading: later catch-ups need not look further back.
            Instant quiet = read.readAt().minus(config.catchUpMargin());
            return Panache.withTransaction(() -> watermarks.store(tenantId, objectType, quiet))
                    .map(ignored -> new CatchUpResult(0, 0, quiet));
        }
        Instant until = read.changes().get(read.changes().size() - 1).changedAt();
        return applied.map(n -> new CatchUpResult(read.changes().size(), n, until));
    }

    private Uni<Integer> applyChunk(String tenantId, String objectType, List<SalesforceChange> chunk) {
        Instant until = chunk.get(chunk.size() - 1).changedAt();
        return Panache.withTransaction(() -> applier.apply(tenantId, chunk)
                .call(() -> watermarks.store(tenantId, objectType, until)))
                .map(result -> result.delivered());
    }

    private List<List<SalesforceChange>> chunks(List<SalesforceChange> changes) {
        List<List<SalesforceChange>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i += config.catchUpChunk()) {
            chunks.add(changes.subList(i, Math.min(changes.size(), i + config.catchUpChunk())));
        }
        return chunks;
    }
}
