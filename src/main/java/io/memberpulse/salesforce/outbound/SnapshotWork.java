package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the features' planners make of backfill snapshots, each read as a {@code member.upserted}
 * event at the backfill's moment: fields added to the member's Contact write (e.g. tag deltas) and
 * other items (e.g. tag records), so a backfilled member gets what a live one would.
 */
final class SnapshotWork implements PlanSink {

    private final Map<String, ObjectNode> contactFields = new LinkedHashMap<>();
    private final Map<String, PlannedChange> other = new LinkedHashMap<>();

    static SnapshotWork of(List<WorkPlanner.EventFolder> folders, List<MemberSnapshot> members, Instant asOf) {
        SnapshotWork work = new SnapshotWork();
        for (MemberSnapshot member : members) {
            PlannedEvent event = new PlannedEvent("backfill:" + member.memberId(), "member.upserted",
                    member.memberId(), asOf, member.fields());
            folders.forEach(folder -> folder.fold(event, work));
        }
        return work;
    }

    @Override
    public void contactField(String memberId, String field, JsonNode value, Instant occurredAt) {
        contactFields.computeIfAbsent(memberId, m -> PlannedChange.JSON.createObjectNode()).set(field, value);
    }

    @Override
    public void work(String operation, String memberId, String itemKey, ObjectNode fields, Instant occurredAt) {
        PlannedChange change = other.computeIfAbsent(PlannedChange.key(memberId, operation, itemKey),
                key -> PlannedChange.fresh(memberId, operation, itemKey));
        fields.fields().forEachRemaining(entry -> change.set(entry.getKey(), entry.getValue(), occurredAt));
    }

    /** The snapshots with the planners' Contact fields added. */
    List<MemberSnapshot> snapshots(List<MemberSnapshot> members) {
        List<MemberSnapshot> result = new ArrayList<>(members.size());
        for (MemberSnapshot member : members) {
            ObjectNode extra = contactFields.get(member.memberId());
            if (extra == null) {
                result.add(member);
            } else {
                ObjectNode fields = member.fields().deepCopy();
                fields.setAll(extra);
                result.add(new MemberSnapshot(member.memberId(), fields));
            }
        }
        return result;
    }

    List<PlannedChange> otherWork() {
        return new ArrayList<>(other.values());
    }
}
