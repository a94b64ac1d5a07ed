package io.memberpulse.salesforce.wakeup;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Internal endpoints, called from inside the cluster (the wake-up CronJob). */
@ConfigMapping(prefix = "memberpulse.internal")
public interface InternalConfig {

    /**
     * The bearer token of {@code POST /internal/wake-up} ({@code MEMBERPULSE_INTERNAL_TOKEN}, a
     * secret). Unset: the endpoint is disabled and answers 404.
     */
    Optional<String> token();
}
