package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.campaigns.CampaignMemberOutcome.Result;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The writes one set of memberships needs given who is a member already, and their outcomes. */
final class CampaignMemberPlan {

    private static final String DUPLICATE = "DUPLICATE_VALUE";

    private final List<CampaignMembership> toCreate = new ArrayList<>();
    private final List<CampaignMembership> toUpdate = new ArrayList<>();
    private final List<String> updateIds = new ArrayList<>();
    private final List<CampaignMembership> toDelete = new ArrayList<>();
    private final List<String> deleteIds = new ArrayList<>();
    private final List<CampaignMembership> duplicates = new ArrayList<>();
    private final Map<String, CampaignMemberOutcome> outcomes = new LinkedHashMap<>();

    static CampaignMemberPlan of(List<CampaignMembership> wanted, CampaignMemberIndex index) {
        CampaignMemberPlan plan = new CampaignMemberPlan();
        wanted.forEach(membership -> plan.decide(membership, index.find(membership)));
        return plan;
    }

    private void decide(CampaignMembership wanted, CampaignMemberIndex.Existing existing) {
        if (existing == null) {
            if (wanted.action() == CampaignMembership.Action.JOIN) {
                toCreate.add(wanted);
            } else {
                done(wanted, Result.ABSENT, null);
            }
        } else if (wanted.action() == CampaignMembership.Action.LEAVE) {
            toDelete.add(wanted);
            deleteIds.add(existing.id());
        } else if (wanted.status().equals(existing.status())) {
            done(wanted, Result.UNCHANGED, existing.id());
        } else {
            toUpdate.add(wanted);
            updateIds.add(existing.id());
        }
    }

    List<SObject> creates() {
        List<SObject> records = new ArrayList<>();
        for (CampaignMembership m : toCreate) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("CampaignId", m.campaignId());
            fields.put(m.isLead() ? "LeadId" : "ContactId", m.personId());
            fields.put("Status", m.status());
            records.add(SObject.of("CampaignMember", fields));
        }
        return records;
    }

    List<SObject> updates() {
        List<SObject> records = new ArrayList<>();
        for (int i = 0; i < toUpdate.size(); i++) {
            records.add(SObject.of("CampaignMember", Map.of("Id", updateIds.get(i), "Status",
                    toUpdate.get(i).status())));
        }
        return records;
    }

    List<String> deletes() {
        return deleteIds;
    }

    void created(List<RecordResult> results) {
        for (int i = 0; i < results.size(); i++) {
            RecordResult result = results.get(i);
            boolean duplicate = !result.success()
                    && result.errors().stream().anyMatch(e -> DUPLICATE.equals(e.statusCode()));
            if (duplicate) {
                duplicates.add(toCreate.get(i));
            }
            record(toCreate.get(i), result, Result.CREATED);
        }
    }

    void updated(List<RecordResult> results) {
        for (int i = 0; i < results.size(); i++) {
            record(toUpdate.get(i), results.get(i), Result.UPDATED);
        }
    }

    void deleted(List<RecordResult> results) {
        for (int i = 0; i < results.size(); i++) {
            record(toDelete.get(i), results.get(i), Result.DELETED);
        }
    }

    /** Members another writer created between the lookup and the create. */
    List<CampaignMembership> duplicates() {
        return duplicates;
    }

    Map<String, CampaignMemberOutcome> outcomes() {
        return outcomes;
    }

    /** The outcomes, with those of a second pass over the duplicates in place of their failures. */
    Map<String, CampaignMemberOutcome> withRetried(Map<String, CampaignMemberOutcome> retried) {
        outcomes.putAll(retried);
        return outcomes;
    }

    private void record(CampaignMembership wanted, RecordResult result, Result success) {
        outcomes.put(wanted.pair(), result.success()
                ? new CampaignMemberOutcome(wanted, success, success == Result.DELETED ? null : result.id(), List.of())
                : new CampaignMemberOutcome(wanted, Result.FAILED, result.id(), result.errors()));
    }

    private void done(CampaignMembership wanted, Result result, String id) {
        outcomes.put(wanted.pair(), new CampaignMemberOutcome(wanted, result, id, List.of()));
    }
}
