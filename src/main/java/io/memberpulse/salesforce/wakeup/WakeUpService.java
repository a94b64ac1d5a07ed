package io.memberpulse.salesforce.wakeup;

import io.memberpulse.salesforce.backfill.BackfillService;
import io.memberpulse.salesforce.inbound.ReconciliationRunner;
import io.memberpulse.salesforce.inbound.Subscriptions;
import io.memberpulse.salesforce.outbound.PipelineWakeUp;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The catch-up after a wake-up: every tenant with waiting member writes or a queued backfill job
 * gets its pipeline woken, every streaming tenant's CometD subscription starts from its stored replay
 * ids, and every tenant with auto-sync on is reconciled (Salesforce changes missed while the pod was
 * down are applied). The work itself runs after the answer, while the pod stays up.
 */
@ApplicationScoped
public class WakeUpService {

    private final PipelineWakeUp pipeline;
    private final BackfillService backfills;
    private final ReconciliationRunner reconciliations;
    private final Subscriptions subscriptions;

    WakeUpService(PipelineWakeUp pipeline, BackfillService backfills, ReconciliationRunner reconciliations,
            Subscriptions subscriptions) {
        this.pipeline = pipeline;
        this.backfills = backfills;
        this.reconciliations = reconciliations;
        this.subscriptions = subscriptions;
    }

    public Uni<WakeUpView> wakeUp() {
        return pipeline.waitingByTenant()
                .chain(waiting -> backfills.queuedMembersByTenant()
                        .map(queued -> merged(waiting, queued)))
                .invoke(waiting -> pipeline.wake(waiting.keySet()))
                // CDC subscriptions resume from their stored replay ids (started in the background).
                .invoke(subscriptions::wake)
                .map(waiting -> new WakeUpView(waiting.size(),
                        waiting.values().stream().mapToLong(Long::longValue).sum(), reconciliations.startAll()))
                .invoke(view -> Log.infof("Wake-up: %d tenants woken, %d member writes waiting", view.tenantsWoken(),
                        view.pending()));
    }

    private static Map<String, Long> merged(Map<String, Long> waiting, Map<String, Long> queued) {
        Map<String, Long> all = new HashMap<>(waiting);
        queued.forEach((tenant, members) -> all.merge(tenant, members, Long::sum));
        return all;
    }
}
