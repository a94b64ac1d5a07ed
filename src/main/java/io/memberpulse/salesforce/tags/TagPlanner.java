package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.DeletedMemberPolicy;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns member events into tag deltas for the tenant's target: picklist deltas ride on the member's
 * one pending Contact write (as {@code tag:<value>} -> true/false, so several changes in one batch
 * merge into one write), tag records are items of {@link TagRecordOperation} keyed by the tag.
 * The campaign target is planned by the campaigns feature.
 */
@ApplicationScoped
class TagPlanner implements WorkPlanner {

    /** Prefix of the picklist deltas in the Contact write's planned fields. */
    static final String DELTA_PREFIX = "tag:";

    private final TagSettingsService settings;
    private final MappingService mappings;

    TagPlanner(TagSettingsService settings, MappingService mappings) {
        this.settings = settings;
        this.mappings = mappings;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return mappings.contactMapping(tenantId)
                .chain(mapping -> settings.settings(tenantId)
                        .map(s -> folder(s, mapping.deletedMemberPolicy())));
    }

    private static EventFolder folder(TagSettings settings, DeletedMemberPolicy onDelete) {
        switch (settings.target()) {
            case PICKLIST:
                return (event, sink) -> toPicklist(event, sink, onDelete);
            case CUSTOM_OBJECT:
                return (event, sink) -> toRecords(event, sink, onDelete);
            default:
                return (event, sink) -> {
                };
        }
    }

    private static void toPicklist(PlannedEvent event, PlanSink sink, DeletedMemberPolicy onDelete) {
        for (Tags.Delta delta : Tags.deltas(event, onDelete)) {
            sink.contactField(event.memberId(), DELTA_PREFIX + delta.tag(), BooleanNode.valueOf(delta.present()),
                    event.occurredAt());
        }
    }

    /** A prefix removal ({@link Tags#ALL_REGISTERED}) is one item; the operation expands it. */
    private static void toRecords(PlannedEvent event, PlanSink sink, DeletedMemberPolicy onDelete) {
        for (Tags.Delta delta : Tags.deltas(event, onDelete)) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode().put("present", delta.present());
            sink.work(TagRecordOperation.NAME, event.memberId(), delta.tag(), fields, event.occurredAt());
        }
    }
}
