package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.RecordError;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
    private final OutcomeRepository outcomes;
    private final OutboundConfig config;

    ContactBatch(SalesforceClient salesforce, OutcomeRepository outcomes, OutboundConfig config) {
        this.salesforce = salesforce;
        this.outcomes = outcomes;
        this.config = config;
    }

    Uni<List<ItemOutcome>> send(OrgCredentials org, ContactMapping mapping, List<ContactWrite> writes) {
        List<ItemOutcome> decided = new ArrayList<>();
        List<ContactWrite> toSend = new ArrayList<>();
        for (ContactWrite write : writes) {
            if (write.isNoOp()) {
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
        RecordError error = result.errors().isEmpty() ? new RecordError("UNKNOWN", "No error given", List.of())
                : result.errors().get(0);
        if (result.isRetryable() && write.item.attempts() < config.maxAttempts()) {
            return ItemOutcome.retry(write.item, error.statusCode(), error.message(),
                    outcomes.retryAt(write.item.attempts()));
        }
        return ItemOutcome.failed(write.item, error.statusCode(), error.message(), error.adminHint());
    }

    /** The whole call failed: what becomes of every record in it. */
    List<ItemOutcome> afterCallFailure(List<ContactWrite> writes, SalesforceException failure) {
        Instant soon = Instant.now().plus(config.retryDelay());
        return writes.stream()
                .map(write -> decideAfterCallFailure(write, failure, soon))
                .collect(Collectors.toList());
    }

    private ItemOutcome decideAfterCallFailure(ContactWrite write, SalesforceException failure, Instant soon) {
        ClaimedItem item = write.item;
        if (failure instanceof SalesforceException.Permanent) {
            return ItemOutcome.failed(item, failure.errorCode(), failure.getMessage(), failure.adminHint());
        }
        if (failure instanceof SalesforceException.Retryable && item.attempts() < config.maxAttempts()) {
            return ItemOutcome.retry(item, failure.errorCode(), failure.getMessage(), outcomes.retryAt(item.attempts()));
        }
        if (failure instanceof SalesforceException.Retryable) {
            return ItemOutcome.failed(item, failure.errorCode(), failure.getMessage(), failure.adminHint());
        }
        // Credentials, limits, open breaker: the tenant waits, not the record.
        return ItemOutcome.requeue(item, failure.errorCode(), failure.getMessage(), soon);
    }
}
