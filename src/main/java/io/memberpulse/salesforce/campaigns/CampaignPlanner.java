package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.DeletedMemberPolicy;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.smallrye.mutiny.Uni;
import io.memberpulse.salesforce.tags.TagSettingsService;
import io.memberpulse.salesforce.tags.TagTarget;
import io.memberpulse.salesforce.tags.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Campaign rules at planning time: each rule an event matches queues a CampaignMember write of the
 * member for that campaign; with the tag target CAMPAIGN, each tag delta with a tag campaign does too. Items are keyed by campaign, so two events for one campaign fold into
 * one write and the newer event's status wins.
 */
@ApplicationScoped
public class CampaignPlanner implements WorkPlanner {

    private final CampaignRulesService rules;
    private final TagSettingsService tags;
    private final MappingService mappings;

    CampaignPlanner(CampaignRulesService rules, TagSettingsService tags, MappingService mappings) {
        this.rules = rules;
        this.tags = tags;
        this.mappings = mappings;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return rules.settings(tenantId)
                .chain(settings -> withTagTarget(tenantId, settings));
    }

    private Uni<EventFolder> withTagTarget(String tenantId, CampaignSettings settings) {
        if (settings.isEmpty()) {
            return Uni.createFrom().item((event, sink) -> { });
        }
        return mappings.contactMapping(tenantId)
                .chain(mapping -> tags.settings(tenantId)
                        .map(tagSettings -> folder(settings, tagSettings.target() == TagTarget.CAMPAIGN,
                                mapping.deletedMemberPolicy())));
    }

    private static EventFolder folder(CampaignSettings settings, boolean tagsToCampaigns, DeletedMemberPolicy onDelete) {
        return (event, sink) -> {
            fold(settings, event, sink);
            if (tagsToCampaigns) {
                foldTags(settings, event, sink, onDelete);
            }
        };
    }

    /**
     * Tag target "campaign": a tag added makes the member join the tag's campaign, a tag removed makes
     * it leave (or take the configured removed status). Removals go first, so when two tags of one
     * event share a campaign, the tag that is on wins.
     */
    private static void foldTags(CampaignSettings settings, PlannedEvent event, PlanSink sink,
            DeletedMemberPolicy onDelete) {
        List<Tags.Delta> deltas = new ArrayList<>(Tags.deltas(event, onDelete));
        deltas.sort(Comparator.comparing(Tags.Delta::present));
        for (Tags.Delta delta : deltas) {
            settings.forTags(delta.tag()).forEach(tag -> sink.work(CampaignMemberOperation.NAME, event.memberId(),
                    CampaignMemberIndex.id15(tag.campaignId()), tagFields(tag, delta.present()), event.occurredAt()));
        }
    }

    private static ObjectNode tagFields(TagCampaign tag, boolean present) {
        if (present) {
            return CampaignMemberOperation.fields(tag.campaignId(), CampaignMembership.Action.JOIN, tag.memberStatus());
        }
        return tag.removedStatus() == null
                ? CampaignMemberOperation.fields(tag.campaignId(), CampaignMembership.Action.LEAVE, null)
                : CampaignMemberOperation.fields(tag.campaignId(), CampaignMembership.Action.MARK, tag.removedStatus());
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
