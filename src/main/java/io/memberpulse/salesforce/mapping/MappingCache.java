package io.memberpulse.salesforce.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenants' Contact mappings in memory, for the outbox worker that asks for them on every batch.
 * Entries live {@link MappingConfig#cacheTtl()}; a PUT on this replica invalidates at once. A load
 * that began before an invalidation is not stored, so a stale read can never outlive a PUT here.
 */
@ApplicationScoped
class MappingCache {

    private final MappingConfig config;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    MappingCache(MappingConfig config) {
        this.config = config;
    }

    private record Entry(ContactMapping mapping, long expiresAtNanos) {
    }

    Optional<ContactMapping> get(String tenantId) {
        Entry entry = entries.get(tenantId);
        if (entry == null || System.nanoTime() - entry.expiresAtNanos() >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.mapping());
    }

    /** Stamp to take before loading; {@link #put} ignores loads that an invalidation overtook. */
    long generation() {
        return generation.get();
    }

    void put(String tenantId, ContactMapping mapping, long loadedInGeneration) {
        Entry entry = new Entry(mapping, System.nanoTime() + config.cacheTtl().toNanos());
        entries.put(tenantId, entry);
        if (generation.get() != loadedInGeneration) {
            entries.remove(tenantId, entry);
        }
    }

    void invalidate(String tenantId) {
        generation.incrementAndGet();
        entries.remove(tenantId);
    }
}
