package io.memberpulse.salesforce.backfill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Backfill jobs: a full sync of a tenant's members. */
@ConfigMapping(prefix = "memberpulse.backfill")
public interface BackfillConfig {

    /** Jobs larger than this go through Bulk API 2.0; smaller ones through sObject Collections. */
    @WithDefault("2000")
    int bulkThreshold();

    /** Members accepted in one request (send more pages to the same job). */
    @WithDefault("5000")
    int maxPageSize();

    /** How often queued jobs and the progress of running ones are checked. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How often a running Bulk API job's state is polled. */
    @WithDefault("PT2S")
    Duration bulkPollInterval();

    /** How long a job waits before it is tried again when its tenant cannot sync or Salesforce failed. */
    @WithDefault("PT30S")
    Duration retryDelay();

    /** How long a replica may work a job before another may take it over (it died). */
    @WithDefault("PT30M")
    Duration claimTimeout();
}
