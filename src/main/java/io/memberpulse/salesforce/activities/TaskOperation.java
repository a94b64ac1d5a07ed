package io.memberpulse.salesforce.activities;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.leads.MemberPeople;
import io.memberpulse.salesforce.outbound.BatchOutcomes;
import io.memberpulse.salesforce.outbound.BatchTriage;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ItemOutcome;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.memberpulse.salesforce.outbound.OutboundOperation;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Tasks on members' Contacts ({@code WhoId}): a whole batch in one sObject Collections upsert
 * by the Task external id field, so a retried or re-sent activity updates its Task instead of adding one.
 * A member that lead enrichment keeps on a Lead (no Contact) gets its Tasks on that Lead, and on the
 * Contact Salesforce converted it into once converted ({@link MemberPeople}): WhoId takes either.
 */
@ApplicationScoped
class TaskOperation implements OutboundOperation {

    static final String NAME = "TASK_UPSERT";

    private final ActivitySettingsService settings;
    private final SalesforceClient salesforce;
    private final BatchOutcomes outcomes;
    private final MemberPeople people;

    TaskOperation(ActivitySettingsService settings, SalesforceClient salesforce, BatchOutcomes outcomes,
            MemberPeople people) {
        this.settings = settings;
        this.salesforce = salesforce;
        this.outcomes = outcomes;
        this.people = people;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<ItemOutcome>> send(OperationBatch batch) {
        return people.of(batch)
                .chain(who -> send(batch, who));
    }

    private Uni<List<ItemOutcome>> send(OperationBatch batch, Map<String, String> who) {
        return BatchTriage.of(batch.items(), item -> who.get(item.memberId()) == null, outcomes::noContact)
                .thenSend(toSend -> upsert(batch, who, toSend));
    }

    private Uni<List<ItemOutcome>> upsert(OperationBatch batch, Map<String, String> who, List<ClaimedItem> toSend) {
        return settings.settings(batch.tenantId())
                .chain(s -> salesforce.upsertAll(batch.org(), "Task", s.externalIdField(),
                        toSend.stream().map(item -> task(who, s, item)).toList()))
                .map(results -> outcomes.ofResults(toSend, results));
    }

    private static SObject task(Map<String, String> who, ActivitySettings s, ClaimedItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> planned = item.fields().fields();
        while (planned.hasNext()) {
            Map.Entry<String, JsonNode> field = planned.next();
            fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        fields.put("WhoId", who.get(item.memberId()));
        fields.put(s.externalIdField(), item.itemKey());
        return SObject.of("Task", fields);
    }
}
