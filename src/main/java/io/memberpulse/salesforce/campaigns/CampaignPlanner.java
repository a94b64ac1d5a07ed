package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Campaign rules at planning time: each rule an event matches queues a CampaignMember write of the
 * member for that campaign. Items are keyed by campaign, so two events for one campaign fold into
 * one write and the newer event's status wins.
 */
@ApplicationScoped
public class CampaignPlanner implements WorkPlanner {

    private final CampaignRulesService rules;

    CampaignPlanner(CampaignRulesService rules) {
        this.rules = rules;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return rules.settings(tenantId)
                .map(CampaignPlanner::folder);
    }

    private static EventFolder folder(CampaignSettings settings) {
        if (settings.rules().isEmpty()) {
            return (event, sink) -> { };
        }
        return (event, sink) -> fold(settings, event, sink);
    }

    private static void fold(CampaignSettings settings, PlannedEvent event, PlanSink sink) {
        for (CampaignRule rule : settings.matching(event.type(), itemId(event), text(event.data(), "status"))) {
            ObjectNode fields = CampaignMemberOperation.fields(rule.campaignId(), CampaignMembership.Action.JOIN,
                    rule.memberStatus());
            sink.work(CampaignMemberOperation.NAME, event.memberId(), CampaignMemberIndex.id15(rule.campaignId()),
                    fields, event.occurredAt());
        }
    }

    /** The event or course an event.* / course.* event is about: {@code data.eventId}, {@code data.courseId}. */
    static String itemId(PlannedEvent event) {
        if (event.type().startsWith("event.")) {
            return text(event.data(), "eventId");
        }
        if (event.type().startsWith("course.")) {
            return text(event.data(), "courseId");
        }
        return null;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
