package io.memberpulse.salesforce.tags;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the Contact tag picklist that MemberPulse checks before writing. */
@ConfigMapping(prefix = "memberpulse.tags")
public interface TagsConfig {

    /** Most values one multi-select picklist may hold selected at once (Salesforce: 100). */
    @WithDefault("100")
    int picklistMaxValues();

    /** Longest stored multi-select value, values and ';' separators together (Salesforce: 4,099 characters). */
    @WithDefault("4099")
    int picklistMaxLength();

    /**
     * How far Salesforce's clock may run ahead of ours. A Contact change Salesforce committed less than
     * this after MemberPulse's last write or read of the Contact's tags is not trusted to be newer: the
     * picklist baseline is forgotten and the next tag change reads the field (see {@link TagBaselines}).
     */
    @WithDefault("PT2S")
    Duration picklistClockSkew();
}
