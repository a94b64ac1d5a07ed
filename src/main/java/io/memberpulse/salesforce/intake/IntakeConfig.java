package io.memberpulse.salesforce.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Event intake settings. */
@ConfigMapping(prefix = "memberpulse.intake")
public interface IntakeConfig {

    /**
     * How far in the future an event's {@code occurredAt} may lie ({@code MEMBERPULSE_INTAKE_MAX_CLOCK_SKEW}),
     * to allow for clocks that run a little ahead. Later times are refused: they would win every
     * "latest change wins" comparison against Salesforce.
     */
    @WithDefault("PT5M")
    Duration maxClockSkew();
}
