package io.memberpulse.salesforce.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** SOQL catch-up and the scheduled reconciliation of inbound changes. */
@ConfigMapping(prefix = "memberpulse.inbound")
public interface InboundConfig {

    /**
     * How far before the requested point a catch-up starts reading ({@code SystemModstamp >= since -
     * margin}): commits become visible out of timestamp order, so a record stamped just before the
     * watermark can appear after it was read.
     */
    @WithDefault("PT2M")
    Duration catchUpMargin();

    /** Records applied per transaction during a catch-up (the watermark advances with each). */
    @WithDefault("200")
    int catchUpChunk();

    /** How often each tenant with auto-sync on is reconciled (also on every wake-up). */
    @WithDefault("PT15M")
    Duration reconciliationInterval();

    /** How far back the first reconciliation of a tenant (no watermark yet) looks. */
    @WithDefault("PT1H")
    Duration firstReconciliationLookback();

    /** How long a replica may hold a tenant's reconciliation before another may take it over. */
    @WithDefault("PT10M")
    Duration reconciliationLease();

    /**
     * How long a record's {@code inbound_record} row is kept after its newest applied change. The row
     * only drops changes older than one already applied; Salesforce retains change events 72 hours,
     * so past that (plus a day's margin) no change that can still arrive is older, and the row is forgotten.
     */
    @WithDefault("P4D")
    Duration recordRetention();

    /** Whether this replica runs scheduled reconciliations (wake-ups still run them). */
    @WithDefault("true")
    boolean reconciliationEnabled();
}
