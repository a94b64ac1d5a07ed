package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Idempotent CampaignMember writes. Salesforce keeps one CampaignMember per (Campaign, Contact) and
 * per (Campaign, Lead) and answers a second insert with {@code DUPLICATE_VALUE}, so memberships are
 * never blindly inserted: one SOQL per 200 people finds who is a member already, then Collections
 * create the missing ones, update changed statuses and delete the ones that leave (200 per call;
 * unchanged members cost nothing). A create that still meets DUPLICATE_VALUE (someone added the
 * person in between) is looked up once more and updated.
 */
@ApplicationScoped
public class CampaignMemberWrites {

    /** People per lookup query: keeps the SOQL text well inside Salesforce's URL limit. */
    static final int LOOKUP_BATCH = 200;

    private final SalesforceClient salesforce;

    CampaignMemberWrites(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /** Applies the memberships; one outcome per element, in order. Several for one pair: the last counts. */
    public Uni<List<CampaignMemberOutcome>> apply(OrgCredentials org, List<CampaignMembership> wanted) {
        Map<String, CampaignMembership> last = new LinkedHashMap<>();
        wanted.forEach(membership -> last.put(membership.pair(), membership));
        List<CampaignMembership> distinct = List.copyOf(last.values());
        return write(org, distinct, true)
                .map(outcomes -> inOrder(wanted, outcomes));
    }

    private Uni<Map<String, CampaignMemberOutcome>> write(OrgCredentials org, List<CampaignMembership> wanted,
            boolean mayRetryDuplicates) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return lookUp(org, wanted)
                .map(index -> CampaignMemberPlan.of(wanted, index))
                .chain(plan -> send(org, plan))
                .chain(plan -> retryDuplicates(org, plan, mayRetryDuplicates));
    }

    private Uni<CampaignMemberIndex> lookUp(OrgCredentials org, List<CampaignMembership> wanted) {
        List<List<CampaignMembership>> chunks = new ArrayList<>();
        for (int start = 0; start < wanted.size(); start += LOOKUP_BATCH) {
            chunks.add(wanted.subList(start, Math.min(wanted.size(), start + LOOKUP_BATCH)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToMultiAndConcatenate(chunk -> salesforce.query(org, CampaignMemberQuery.of(chunk)))
                .collect().asList()
                .map(CampaignMemberIndex::of);
    }

    private Uni<CampaignMemberPlan> send(OrgCredentials org, CampaignMemberPlan plan) {
        return salesforce.createAll(org, plan.creates())
                .invoke(plan::created)
                .chain(() -> salesforce.updateAll(org, plan.updates()))
                .invoke(plan::updated)
                .chain(() -> salesforce.deleteAll(org, plan.deletes()))
                .invoke(plan::deleted)
                .replaceWith(plan);
    }

    private Uni<Map<String, CampaignMemberOutcome>> retryDuplicates(OrgCredentials org, CampaignMemberPlan plan,
            boolean mayRetry) {
        List<CampaignMembership> duplicates = plan.duplicates();
        if (!mayRetry || duplicates.isEmpty()) {
            return Uni.createFrom().item(plan.outcomes());
        }
        return write(org, duplicates, false)
                .map(plan::withRetried);
    }

    private static List<CampaignMemberOutcome> inOrder(List<CampaignMembership> wanted,
            Map<String, CampaignMemberOutcome> byPair) {
        List<CampaignMemberOutcome> outcomes = new ArrayList<>(wanted.size());
        for (CampaignMembership membership : wanted) {
            CampaignMemberOutcome outcome = byPair.get(membership.pair());
            outcomes.add(new CampaignMemberOutcome(membership, outcome.result(), outcome.campaignMemberId(),
                    outcome.errors()));
        }
        return outcomes;
    }
}
