package io.memberpulse.salesforce.mapping;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's sync settings. {@link #contactMapping} serves the sync pipeline from a per-tenant
 * in-memory cache ({@link MappingCache}): a replace on this replica takes effect at once, other
 * replicas see it within {@code memberpulse.mapping.cache-ttl} (30 s by default).
 */
@ApplicationScoped
public class MappingService {

    private final SyncSettingsRepository settings;
    private final StoredFieldMappings storedFields;
    private final MappingCache cache;

    MappingService(SyncSettingsRepository settings, StoredFieldMappings storedFields, MappingCache cache) {
        this.settings = settings;
        this.storedFields = storedFields;
        this.cache = cache;
    }

    /** The outcome of a replace: what is stored now, and whether the tenant had no settings before. */
    public record Saved(StoredMapping stored, boolean created) {
    }

    /** The tenant's Contact mapping; the defaults when it never changed them. */
    public Uni<ContactMapping> contactMapping(String tenantId) {
        return Uni.createFrom().deferred(() -> cache.get(tenantId)
                .map(mapping -> Uni.createFrom().item(mapping))
                .orElseGet(() -> load(tenantId)));
    }

    /** The tenant's stored mapping; empty when it uses the defaults. Not cached: for the settings API. */
    public Uni<Optional<StoredMapping>> stored(String tenantId) {
        return settings.find(tenantId)
                .map(row -> Optional.ofNullable(row).map(this::toStored));
    }

    /** Replaces the tenant's whole mapping. Call {@link #invalidate} once the transaction is committed. */
    @WithTransaction
    public Uni<Saved> replace(String tenantId, ContactMapping mapping, String actor) {
        return settings.findById(tenantId)
                .chain(current -> write(tenantId, current, mapping, actor));
    }

    /** Forgets the cached mapping of a tenant, so the next {@link #contactMapping} reads the stored one. */
    public void invalidate(String tenantId) {
        cache.invalidate(tenantId);
    }

    private Uni<ContactMapping> load(String tenantId) {
        long generation = cache.generation();
        return stored(tenantId)
                .map(found -> found.map(StoredMapping::mapping).orElseGet(ContactMapping::defaults))
                .invoke(mapping -> cache.put(tenantId, mapping, generation));
    }

    private Uni<Saved> write(String tenantId, SyncSettings current, ContactMapping mapping, String actor) {
        boolean created = current == null;
        SyncSettings row = created ? new SyncSettings() : current;
        row.tenantId = tenantId;
        row.externalIdField = mapping.externalIdField();
        row.membershipStatusField = mapping.membershipStatusField();
        row.deletedMemberPolicy = mapping.deletedMemberPolicy();
        row.apiBudgetShare = BigDecimal.valueOf(mapping.apiBudgetShare());
        row.fieldMappings = storedFields.write(mapping.fields());
        row.offerUnlinkedContacts = mapping.offerUnlinkedContacts();
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        return settings.persist(row)
                .invoke(() -> Log.infof("Field mapping of tenant %s %s by %s", tenantId,
                        created ? "created" : "replaced", actor))
                .map(saved -> new Saved(toStored(saved), created));
    }

    private StoredMapping toStored(SyncSettings row) {
        ContactMapping mapping = new ContactMapping(row.externalIdField, row.membershipStatusField,
                row.deletedMemberPolicy, row.apiBudgetShare.doubleValue(), storedFields.read(row.fieldMappings),
                row.offerUnlinkedContacts);
        return new StoredMapping(mapping, row.updatedAt, row.updatedBy);
    }
}
