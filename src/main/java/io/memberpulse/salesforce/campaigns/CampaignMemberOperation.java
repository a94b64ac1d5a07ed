package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.leads.MemberPeople;
import io.memberpulse.salesforce.outbound.BatchOutcomes;
import io.memberpulse.salesforce.outbound.BatchTriage;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ItemOutcome;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.memberpulse.salesforce.outbound.OutboundOperation;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outbox operation {@code CAMPAIGN_MEMBER}: a member's wanted membership of one campaign (item key:
 * the campaign id), written through {@link CampaignMemberWrites} for the whole batch at once. The
 * person is the member's Contact, or the Lead lead enrichment writes to instead ({@link MemberPeople}).
 */
@ApplicationScoped
public class CampaignMemberOperation implements OutboundOperation {

    public static final String NAME = "CAMPAIGN_MEMBER";

    private final CampaignMemberWrites writes;
    private final BatchOutcomes outcomes;
    private final MemberPeople people;

    CampaignMemberOperation(CampaignMemberWrites writes, BatchOutcomes outcomes, MemberPeople people) {
        this.writes = writes;
        this.outcomes = outcomes;
        this.people = people;
    }

    /** The item fields: campaign, what to do, status. */
    public static ObjectNode fields(String campaignId, CampaignMembership.Action action, String status) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("campaignId", campaignId);
        fields.put("action", action.name());
        if (status == null) {
            fields.putNull("status");
        } else {
            fields.put("status", status);
        }
        return fields;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<ItemOutcome>> send(OperationBatch batch) {
        return people.of(batch)
                .chain(persons -> write(batch, persons));
    }

    private Uni<List<ItemOutcome>> write(OperationBatch batch, Map<String, String> persons) {
        return BatchTriage.of(batch.items(), item -> persons.get(item.memberId()) == null, outcomes::noContact)
                .thenSend(withPerson -> apply(batch, persons, withPerson));
    }

    /** Each item's membership is keyed by its outbox id, which matches the written results back to items. */
    private Uni<List<ItemOutcome>> apply(OperationBatch batch, Map<String, String> persons, List<ClaimedItem> items) {
        Map<String, ClaimedItem> byKey = new HashMap<>();
        List<CampaignMembership> wanted = new ArrayList<>();
        for (ClaimedItem item : items) {
            String key = Long.toString(item.id());
            byKey.put(key, item);
            wanted.add(membership(key, persons.get(item.memberId()), item.fields()));
        }
        return writes.apply(batch.org(), wanted)
                .map(results -> outcomesOf(results, byKey));
    }

    private static CampaignMembership membership(String key, String person, ObjectNode fields) {
        CampaignMembership.Action action = CampaignMembership.Action.valueOf(fields.path("action").asText("JOIN"));
        String status = fields.hasNonNull("status") ? fields.get("status").asText() : null;
        return new CampaignMembership(key, fields.path("campaignId").asText(), person, action, status);
    }

    private List<ItemOutcome> outcomesOf(List<CampaignMemberOutcome> results, Map<String, ClaimedItem> byKey) {
        List<ItemOutcome> decided = new ArrayList<>(results.size());
        for (CampaignMemberOutcome result : results) {
            ClaimedItem item = byKey.get(result.wanted().key());
            switch (result.result()) {
                case UNCHANGED, ABSENT -> decided.add(ItemOutcome.skipped(item, result.campaignMemberId()));
                case FAILED -> decided.add(outcomes.ofResult(item,
                        new RecordResult(result.campaignMemberId(), false, null, result.errors()), null));
                default -> decided.add(ItemOutcome.done(item, result.campaignMemberId(), null, null));
            }
        }
        return decided;
    }
}
