package io.memberpulse.salesforce.tags;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the Contact tag picklist that MemberPulse checks before writing. */
@ConfigMapping(prefix = "memberpulse.tags")
public interface TagsConfig {

    /** Most values one multi-select picklist may hold selected at once (Salesforce: 100). */
    @WithDefault("100")
    int picklistMaxValues();

    /** Longest stored multi-select value, values and ';' separators together (Salesforce: 4,099 characters). */
    @WithDefault("4099")
    int picklistMaxLength();
}
