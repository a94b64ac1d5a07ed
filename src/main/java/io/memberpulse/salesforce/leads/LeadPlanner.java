package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.memberpulse.salesforce.tags.Tags;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Lead enrichment at planning time (tenants with it on): every event that changes what a Lead shows
 * (status, member since, tags, the activity behind the engagement score) folds into the member's one
 * pending {@code LEAD_UPDATE}. Whether the member is a Lead at all is decided when it is sent.
 */
@ApplicationScoped
public class LeadPlanner implements WorkPlanner {

    private static final Set<String> SCORED = Set.of("event.registered", "event.attended", "event.no_show",
            "course.enrolled", "course.completed", "activity.logged", "member.upserted");

    private final LeadSettingsService settings;

    LeadPlanner(LeadSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return settings.settings(tenantId)
                .map(s -> s.enabled() ? LeadPlanner::fold : (event, sink) -> { });
    }

    private static void fold(PlannedEvent event, PlanSink sink) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if ("membership.status_changed".equals(event.type()) && event.data().hasNonNull("status")) {
            String status = event.data().get("status").asText();
            fields.put(LeadUpdateOperation.STATUS, status);
            if (event.data().hasNonNull("memberSince")) {
                fields.put(LeadUpdateOperation.SINCE, event.data().get("memberSince").asText());
            } else if ("active".equals(status)) {
                fields.put(LeadUpdateOperation.SINCE, event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate()
                        .toString());
            }
        } else if (SCORED.contains(event.type())) {
            fields.put(LeadUpdateOperation.TOUCHED, event.occurredAt().toString());
        }
        for (Tags.Delta delta : Tags.deltas(event)) {
            fields.set(LeadUpdateOperation.TAG_PREFIX + delta.tag(), BooleanNode.valueOf(delta.present()));
        }
        if (!fields.isEmpty()) {
            sink.work(LeadUpdateOperation.NAME, event.memberId(), "", fields, event.occurredAt());
        }
    }
}
