package io.memberpulse.salesforce.backfill;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;

/**
 * SIGTERM: the backfill job this replica runs goes back to the queue, so the next replica or pod
 * takes it up at once instead of after {@code memberpulse.backfill.claim-timeout}. Re-running a Bulk
 * job is safe: its upserts by external id are idempotent.
 */
@ApplicationScoped
class BackfillShutdown {

    private final BackfillRunner runner;
    private final BackfillRepository jobs;

    BackfillShutdown(BackfillRunner runner, BackfillRepository jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    // Runs on the shutdown thread while the pool is still open.
    void giveBack(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        Long job = runner.stop();
        if (job != null) {
            jobs.giveBack(job)
                    .await().atMost(Duration.ofSeconds(5));
            Log.infof("Backfill %d returned to the queue on shutdown", job);
        }
    }
}
