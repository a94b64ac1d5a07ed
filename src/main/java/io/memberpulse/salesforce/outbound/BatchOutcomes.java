package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.salesforce.RecordError;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome rules every operation shares: a per-record result becomes DONE, RETRY (transient
 * errors, with backoff, until {@code max-attempts}) or FAILED (Salesforce's code and an admin hint);
 * a failed call decides for every record in it.
 */
@ApplicationScoped
public class BatchOutcomes {

    /** Code of the outcome of a write whose member has no Contact to refer to. */
    public static final String NO_CONTACT = "NO_CONTACT";

    private final OutboundConfig config;

    BatchOutcomes(OutboundConfig config) {
        this.config = config;
    }

    /** The outcome of one record of a Collections call; {@code written} is kept on DONE. */
    public ItemOutcome ofResult(ClaimedItem item, RecordResult result, ObjectNode written) {
        if (result.success()) {
            return ItemOutcome.done(item, result.id(), null, written);
        }
        RecordError error = result.errors().isEmpty() ? new RecordError("UNKNOWN", "No error given", List.of())
                : result.errors().get(0);
        if (result.isRetryable() && item.attempts() < config.maxAttempts()) {
            return ItemOutcome.retry(item, error.statusCode(), error.message(), retryAt(item.attempts()));
        }
        return ItemOutcome.failed(item, error.statusCode(), error.message(), error.adminHint());
    }

    /** The outcomes of a Collections call, one per record: {@code results} answer {@code items} in order. */
    public List<ItemOutcome> ofResults(List<ClaimedItem> items, List<RecordResult> results) {
        List<ItemOutcome> decided = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            decided.add(ofResult(items.get(i), results.get(i), null));
        }
        return decided;
    }

    /** Fails an item the operation cannot write at all, with a sentence for the admin. */
    public ItemOutcome failed(ClaimedItem item, String code, String message, String hint) {
        return ItemOutcome.failed(item, code, message, hint);
    }

    /** Fails every item of a call Salesforce refused as a whole, with one sentence for the admin. */
    public List<ItemOutcome> failedAll(List<ClaimedItem> items, SalesforceException failure, String hint) {
        return items.stream()
                .map(item -> failed(item, failure.errorCode(), failure.getMessage(), hint))
                .toList();
    }

    /** The member has no Contact in Salesforce, and none is being written: nothing to attach the record to. */
    public ItemOutcome noContact(ClaimedItem item) {
        return ItemOutcome.failed(item, NO_CONTACT, "Member " + item.memberId() + " has no Contact in Salesforce",
                "MemberPulse has not synced this member as a Contact (no member.upserted yet, or its Contact write "
                        + "failed): fix that entry of the sync log, then retry this one.");
    }

    /** The whole call failed: what becomes of every record in it. */
    public List<ItemOutcome> afterCallFailure(List<ClaimedItem> items, SalesforceException failure) {
        Instant soon = Instant.now().plus(config.retryDelay());
        return items.stream()
                .map(item -> decideAfterCallFailure(item, failure, soon))
                .collect(Collectors.toList());
    }

    private ItemOutcome decideAfterCallFailure(ClaimedItem item, SalesforceException failure, Instant soon) {
        if (failure instanceof SalesforceException.Permanent) {
            return ItemOutcome.failed(item, failure.errorCode(), failure.getMessage(), failure.adminHint());
        }
        if (failure instanceof SalesforceException.Retryable && item.attempts() < config.maxAttempts()) {
            return ItemOutcome.retry(item, failure.errorCode(), failure.getMessage(), retryAt(item.attempts()));
        }
        if (failure instanceof SalesforceException.Retryable) {
            return ItemOutcome.failed(item, failure.errorCode(), failure.getMessage(), failure.adminHint());
        }
        // Credentials, limits, open breaker: the tenant waits, not the record.
        return ItemOutcome.requeue(item, failure.errorCode(), failure.getMessage(), soon);
    }

    /** When a record that failed transiently is tried again: doubling, capped, with jitter. */
    public Instant retryAt(int attempts) {
        long base = config.retryDelay().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        long jitter = (long) (capped * 0.2 * Math.random());
        return Instant.now().plusMillis(capped - jitter);
    }

}
