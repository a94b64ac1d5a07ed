package io.memberpulse.salesforce.customobjects;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.outbound.BatchOutcomes;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ItemOutcome;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.memberpulse.salesforce.outbound.OutboundOperation;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outbox operation {@code CUSTOM_RECORD}: MemberPulse records upserted into the tenant's custom
 * objects by external id ({@code <memberId>[:<record key>]}), linked to the member's Contact. One
 * Collections upsert per mapped object in the batch (at most three). A field the org lacks fails
 * the items with a sync-log entry naming the object, the field and the fix.
 */
@ApplicationScoped
public class CustomRecordOperation implements OutboundOperation {

    public static final String NAME = "CUSTOM_RECORD";
    static final String RECORD_TYPE = "_recordType";
    static final String RECORD_KEY = "_recordKey";

    private final CustomObjectMappingsService mappings;
    private final SalesforceClient salesforce;
    private final BatchOutcomes outcomes;

    CustomRecordOperation(CustomObjectMappingsService mappings, SalesforceClient salesforce, BatchOutcomes outcomes) {
        this.mappings = mappings;
        this.salesforce = salesforce;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<ItemOutcome>> send(OperationBatch batch) {
        return mappings.settings(batch.tenantId())
                .chain(settings -> sendAll(batch, settings));
    }

    private Uni<List<ItemOutcome>> sendAll(OperationBatch batch, CustomObjectSettings settings) {
        List<ItemOutcome> decided = new ArrayList<>();
        Map<CustomObjectMapping, List<ClaimedItem>> groups = new LinkedHashMap<>();
        for (ClaimedItem item : batch.items()) {
            Optional<CustomObjectMapping> mapping = RecordType.ofJson(item.fields().path(RECORD_TYPE).asText())
                    .flatMap(settings::of);
            if (mapping.isEmpty()) {
                decided.add(ItemOutcome.skipped(item, null)); // the mapping was removed since planning
            } else if (batch.contactId(item.memberId()) == null) {
                decided.add(outcomes.noContact(item));
            } else {
                groups.computeIfAbsent(mapping.get(), m -> new ArrayList<>()).add(item);
            }
        }
        return Multi.createFrom().iterable(groups.entrySet())
                .onItem().transformToUniAndConcatenate(group -> upsert(batch, group.getKey(), group.getValue()))
                .collect().in(() -> decided, List::addAll);
    }

    private Uni<List<ItemOutcome>> upsert(OperationBatch batch, CustomObjectMapping mapping, List<ClaimedItem> items) {
        List<SObject> records = items.stream().map(item -> record(batch, mapping, item)).toList();
        return salesforce.upsertAll(batch.org(), mapping.objectName(), mapping.externalIdField(), records)
                .map(results -> outcomes.ofResults(items, results))
                .onFailure(SalesforceException::isInvalidField)
                .recoverWithItem(failure -> missingField(items, mapping, (SalesforceException) failure));
    }

    private static SObject record(OperationBatch batch, CustomObjectMapping mapping, ClaimedItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (CustomFieldMapping field : mapping.fields()) {
            JsonNode value = item.fields().get(field.memberPulseField());
            if (value != null) {
                fields.put(field.salesforceField(), value.isNull() ? null : value.asText());
            }
        }
        fields.put(mapping.contactLookupField(), batch.contactId(item.memberId()));
        fields.put(mapping.externalIdField(), externalId(item));
        return SObject.of(mapping.objectName(), fields);
    }

    /** {@code <memberId>} for the member's one membership record, {@code <memberId>:<key>} otherwise. */
    static String externalId(ClaimedItem item) {
        String key = item.fields().path(RECORD_KEY).asText();
        boolean single = RecordType.MEMBERSHIP.json().equals(item.fields().path(RECORD_TYPE).asText())
                && "membership".equals(key);
        return single ? item.memberId() : item.memberId() + ":" + key;
    }

    private List<ItemOutcome> missingField(List<ClaimedItem> items, CustomObjectMapping mapping,
            SalesforceException failure) {
        String hint = MissingFieldHint.of(mapping, failure.getMessage());
        return outcomes.failedAll(items, failure, hint);
    }
}
