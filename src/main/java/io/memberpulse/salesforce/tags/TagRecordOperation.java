package io.memberpulse.salesforce.tags;

import io.memberpulse.salesforce.outbound.BatchOutcomes;
import io.memberpulse.salesforce.outbound.BatchTriage;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ItemOutcome;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.memberpulse.salesforce.outbound.OutboundOperation;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tag records of the custom-object target: one record per member and tag, upserted by the external
 * id {@code <memberId>:<tag>} with the Contact lookup and the tag, deleted when the tag is removed.
 * A batch costs one upsert call for added tags and one delete call for removed ones.
 */
@ApplicationScoped
class TagRecordOperation implements OutboundOperation {

    static final String NAME = "TAG_RECORD";

    private final TagSettingsService settings;
    private final TagRecordRepository records;
    private final SalesforceClient salesforce;
    private final BatchOutcomes outcomes;

    TagRecordOperation(TagSettingsService settings, TagRecordRepository records, SalesforceClient salesforce,
            BatchOutcomes outcomes) {
        this.settings = settings;
        this.records = records;
        this.salesforce = salesforce;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<ItemOutcome>> send(OperationBatch batch) {
        return BatchTriage.of(batch.items(), item -> batch.contactId(item.memberId()) == null, outcomes::noContact)
                .thenSend(withContact -> write(batch, withContact));
    }

    /** Added tags are upserted, removed ones deleted: at most one call each. */
    private Uni<List<ItemOutcome>> write(OperationBatch batch, List<ClaimedItem> items) {
        Map<Boolean, List<ClaimedItem>> added = items.stream()
                .collect(Collectors.partitioningBy(TagRecordOperation::isAdded));
        List<ItemOutcome> decided = new ArrayList<>();
        return settings.settings(batch.tenantId())
                .chain(s -> upsert(batch, s, added.get(true)))
                .invoke(decided::addAll)
                .chain(() -> delete(batch, added.get(false)))
                .invoke(decided::addAll)
                .replaceWith(decided);
    }

    private static boolean isAdded(ClaimedItem item) {
        return item.fields().path("present").asBoolean(false);
    }

    private Uni<List<ItemOutcome>> upsert(OperationBatch batch, TagSettings s, List<ClaimedItem> adds) {
        if (adds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<SObject> sobjects = adds.stream().map(item -> record(batch, s, item)).collect(Collectors.toList());
        return salesforce.upsertAll(batch.org(), s.objectName(), s.externalIdField(), sobjects)
                .map(results -> outcomes.ofResults(adds, results));
    }

    private static SObject record(OperationBatch batch, TagSettings s, ClaimedItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(s.contactField(), batch.contactId(item.memberId()));
        fields.put(s.tagField(), item.itemKey());
        fields.put(s.externalIdField(), item.memberId() + ":" + item.itemKey());
        return SObject.of(s.objectName(), fields);
    }

    /**
     * Removed tags: records MemberPulse never created need no call. A prefix item ({@link Tags#ALL_REGISTERED})
     * stands for every such record of the member: its outcome is the first failure among them, if any.
     */
    private Uni<List<ItemOutcome>> delete(OperationBatch batch, List<ClaimedItem> removes) {
        if (removes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return records.ids(batch.tenantId(), removes.stream().map(ClaimedItem::memberId).collect(Collectors.toList()),
                removes.stream().map(ClaimedItem::itemKey).collect(Collectors.toList()))
                .chain(ids -> deleteKnown(batch, removes, ids));
    }

    private Uni<List<ItemOutcome>> deleteKnown(OperationBatch batch, List<ClaimedItem> removes,
            Map<String, List<String>> ids) {
        List<ItemOutcome> decided = new ArrayList<>();
        List<ClaimedItem> known = new ArrayList<>();
        List<String> toDelete = new ArrayList<>();
        for (ClaimedItem item : removes) {
            List<String> found = ids.getOrDefault(item.memberId() + ":" + item.itemKey(), List.of());
            if (found.isEmpty()) {
                decided.add(ItemOutcome.unneeded(item));
            } else {
                known.add(item);
                toDelete.addAll(found);
            }
        }
        if (known.isEmpty()) {
            return Uni.createFrom().item(decided);
        }
        return salesforce.deleteAll(batch.org(), toDelete)
                .map(results -> perDeleted(known, ids, toDelete, results))
                .invoke(decided::addAll)
                .replaceWith(decided);
    }

    /** A record already gone from Salesforce is what a delete wants. */
    private List<ItemOutcome> perDeleted(List<ClaimedItem> items, Map<String, List<String>> ids, List<String> deleted,
            List<RecordResult> results) {
        List<ItemOutcome> decided = new ArrayList<>(items.size());
        int next = 0;
        for (ClaimedItem item : items) {
            ItemOutcome outcome = null;
            for (String id : ids.get(item.memberId() + ":" + item.itemKey())) {
                RecordResult result = results.get(next);
                next++;
                if (outcome == null && !result.success() && !isGone(result)) {
                    outcome = outcomes.ofResult(item, result, null);
                }
            }
            decided.add(outcome != null ? outcome : ItemOutcome.done(item, deleted.get(next - 1), null, null));
        }
        return decided;
    }

    private static boolean isGone(RecordResult result) {
        return result.errors().stream()
                .anyMatch(e -> "ENTITY_IS_DELETED".equals(e.statusCode()) || "NOT_FOUND".equals(e.statusCode())
                        || "INVALID_CROSS_REFERENCE_KEY".equals(e.statusCode()));
    }

    @Override
    public Uni<Void> recorded(SqlConnection connection, String tenantId, List<ItemOutcome> decided) {
        List<ItemOutcome> done = decided.stream().filter(o -> o.kind() == ItemOutcome.Kind.DONE)
                .collect(Collectors.toList());
        List<ItemOutcome> added = done.stream().filter(o -> isAdded(o.item())).collect(Collectors.toList());
        List<ItemOutcome> removed = done.stream().filter(o -> !isAdded(o.item())).collect(Collectors.toList());
        Uni<Void> remembered = added.isEmpty() ? Uni.createFrom().voidItem()
                : records.remember(connection, tenantId, members(added), tags(added),
                        added.stream().map(ItemOutcome::salesforceId).toArray(String[]::new));
        return remembered
                .chain(() -> removed.isEmpty() ? Uni.createFrom().voidItem()
                        : records.forget(connection, tenantId, members(removed), tags(removed)));
    }

    private static String[] members(List<ItemOutcome> outcomes) {
        return outcomes.stream().map(o -> o.item().memberId()).toArray(String[]::new);
    }

    private static String[] tags(List<ItemOutcome> outcomes) {
        return outcomes.stream().map(o -> o.item().itemKey()).toArray(String[]::new);
    }
}
