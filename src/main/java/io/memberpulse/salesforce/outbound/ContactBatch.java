package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sends one claimed batch as a single sObject Collections upsert by the external id field
 * (allOrNone=false) and decides each record's outcome: written, failed for good with Salesforce's
 * code and a hint, or retried later. One bad record never fails the others.
 */
@ApplicationScoped
class ContactBatch {

    private final SalesforceClient salesforce;
    private final BatchOutcomes outcomes;

    ContactBatch(SalesforceClient salesforce, BatchOutcomes outcomes) {
        this.salesforce = salesforce;
        this.outcomes = outcomes;
    }

    Uni<List<ItemOutcome>> send(OrgCredentials org, ContactMapping mapping, List<ContactWrite> writes) {
        List<ItemOutcome> decided = new ArrayList<>();
        List<ContactWrite> toSend = new ArrayList<>();
        for (ContactWrite write : writes) {
            if (write.refusal != null) {
                decided.add(write.refusal);
            } else if (write.isNoOp()) {
                decided.add(ItemOutcome.skipped(write.item, write.link.salesforceId()));
            } else {
                toSend.add(write);
            }
        }
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(decided);
        }
        List<io.memberpulse.salesforce.salesforce.SObject> records = toSend.stream()
                .map(write -> write.toSObject(mapping.externalIdField()))
                .collect(Collectors.toList());
        return salesforce.upsertAll(org, "Contact", mapping.externalIdField(), records)
                .map(results -> perRecord(toSend, results))
                .invoke(decided::addAll)
                .replaceWith(decided);
    }

    private List<ItemOutcome> perRecord(List<ContactWrite> sent, List<RecordResult> results) {
        List<ItemOutcome> decided = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            decided.add(outcomeOf(sent.get(i), results.get(i)));
        }
        return decided;
    }

    private ItemOutcome outcomeOf(ContactWrite write, RecordResult result) {
        if (result.success()) {
            return ItemOutcome.done(write.item, result.id(), write.accountId, write.values);
        }
        return outcomes.ofResult(write.item, result, null);
    }
}
