package io.memberpulse.salesforce.customobjects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.outbound.PlanSink;
import io.memberpulse.salesforce.outbound.PlannedEvent;
import io.memberpulse.salesforce.outbound.WorkPlanner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Custom object mappings at planning time: an event that writes a mapped record type queues an
 * upsert of that record, keyed by record type and record (the member's registration for one
 * event, say), so later events about the same record fold into the same write, field by field.
 */
@ApplicationScoped
public class CustomRecordPlanner implements WorkPlanner {

    private final CustomObjectMappingsService mappings;

    CustomRecordPlanner(CustomObjectMappingsService mappings) {
        this.mappings = mappings;
    }

    @Override
    public Uni<EventFolder> forTenant(String tenantId) {
        return mappings.settings(tenantId)
                .map(CustomRecordPlanner::folder);
    }

    private static EventFolder folder(CustomObjectSettings settings) {
        if (settings.mappings().isEmpty()) {
            return (event, sink) -> { };
        }
        return (event, sink) -> fold(settings, event, sink);
    }

    private static void fold(CustomObjectSettings settings, PlannedEvent event, PlanSink sink) {
        for (RecordType type : RecordType.values()) {
            if (!type.writtenBy(event.type()) || settings.of(type).isEmpty()) {
                continue;
            }
            Optional<String> key = type.key(event);
            if (key.isEmpty()) {
                continue;
            }
            ObjectNode fields = type.values(event);
            fields.put(CustomRecordOperation.RECORD_TYPE, type.json());
            fields.put(CustomRecordOperation.RECORD_KEY, key.get());
            sink.work(CustomRecordOperation.NAME, event.memberId(), type.json() + ":" + key.get(), fields,
                    event.occurredAt());
        }
    }
}
