package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;

/** Every feature's {@link WorkPlanner}, loaded for one tenant before a planning transaction opens. */
@ApplicationScoped
class WorkPlanners {

    private final Instance<WorkPlanner> planners;

    WorkPlanners(Instance<WorkPlanner> planners) {
        this.planners = planners;
    }

    Uni<List<WorkPlanner.EventFolder>> forTenant(String tenantId) {
        List<Uni<WorkPlanner.EventFolder>> loads = new ArrayList<>();
        planners.forEach(planner -> loads.add(planner.forTenant(tenantId)));
        if (loads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(loads).andFailFast();
    }
}
