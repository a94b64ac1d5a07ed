package io.memberpulse.salesforce.mapping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tenants' mappings are served to the sync pipeline. */
@ConfigMapping(prefix = "memberpulse.mapping")
public interface MappingConfig {

    /**
     * How long a tenant's mapping is kept in memory ({@code MEMBERPULSE_MAPPING_CACHE_TTL}). A PUT
     * on this replica replaces it at once; other replicas see the change within this time.
     */
    @WithDefault("PT30S")
    Duration cacheTtl();
}
