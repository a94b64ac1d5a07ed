package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.leads.LeadLinks.LeadLink;
import io.memberpulse.salesforce.outbound.BatchOutcomes;
import io.memberpulse.salesforce.outbound.BatchTriage;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ItemOutcome;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.memberpulse.salesforce.outbound.OutboundOperation;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.salesforce.SoqlLiterals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outbox operation {@code LEAD_UPDATE}: membership data of members written to a Lead (see
 * {@link LeadDiversion}). Per batch: one query reads the Leads (conversion state, member since,
 * tags), one Collections update writes them. A Lead Salesforce has converted re-links the member to
 * the converted Contact and the data goes there (status, member since, score; tags stay with the
 * tags feature). Members with a Contact, or with no Lead, are skipped without a call.
 */
@ApplicationScoped
public class LeadUpdateOperation implements OutboundOperation {

    public static final String NAME = "LEAD_UPDATE";
    static final String STATUS = "status";
    static final String SINCE = "memberSince";
    static final String TOUCHED = "touched";
    static final String TAG_PREFIX = "tag:";
    static final String CONVERTED_LEAD = "CANNOT_UPDATE_CONVERTED_LEAD";
    /** Salesforce's wording: {@code No such column 'X__c' on sobject of type Lead}. */
    private static final Pattern COLUMN = Pattern.compile("No such column '([^']+)' on sobject of type (\\w+)");

    private final LeadSettingsService settings;
    private final LeadLinks links;
    private final EngagementScores scores;
    private final SalesforceClient salesforce;
    private final BatchOutcomes outcomes;

    LeadUpdateOperation(LeadSettingsService settings, LeadLinks links, EngagementScores scores,
            SalesforceClient salesforce, BatchOutcomes outcomes) {
        this.settings = settings;
        this.links = links;
        this.scores = scores;
        this.salesforce = salesforce;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Waits for the member's Contact write, which decides whether the member is a Lead at all. */
    @Override
    public boolean needsContact() {
        return true;
    }

    @Override
    public Uni<List<ItemOutcome>> send(OperationBatch batch) {
        return BatchTriage.of(batch.items(), item -> batch.contactId(item.memberId()) != null, ItemOutcome::unneeded)
                .thenSend(candidates -> update(batch, candidates));
    }

    private Uni<List<ItemOutcome>> update(OperationBatch batch, List<ClaimedItem> candidates) {
        List<String> members = candidates.stream().map(ClaimedItem::memberId).distinct().toList();
        return settings.settings(batch.tenantId())
                .chain(s -> linked(batch, s, members))
                .chain(writes -> withScores(batch, writes, members))
                .chain(writes -> withLeads(batch, writes))
                .chain(writes -> write(batch, writes, candidates));
    }

    private Uni<LeadWrites> linked(OperationBatch batch, LeadSettings leadSettings, List<String> members) {
        return links.of(batch.tenantId(), members)
                .map(found -> new LeadWrites(leadSettings, found));
    }

    private Uni<LeadWrites> withScores(OperationBatch batch, LeadWrites writes, List<String> members) {
        return scores.of(batch.tenantId(), members)
                .invoke(writes::scores)
                .replaceWith(writes);
    }

    private Uni<LeadWrites> withLeads(OperationBatch batch, LeadWrites writes) {
        List<String> leadIds = writes.openLeadIds();
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(writes);
        }
        return salesforce.query(batch.org(), writes.leadQuery(SoqlLiterals.inList(leadIds))).collect().asList()
                .invoke(writes::leads)
                .replaceWith(writes);
    }

    private Uni<List<ItemOutcome>> write(OperationBatch batch, LeadWrites writes, List<ClaimedItem> items) {
        List<ItemOutcome> decided = new ArrayList<>();
        List<ClaimedItem> sent = new ArrayList<>();
        List<SObject> records = new ArrayList<>();
        for (ClaimedItem item : items) {
            SObject record = writes.record(item);
            if (record == null) {
                decided.add(ItemOutcome.unneeded(item));
            } else {
                sent.add(item);
                records.add(record);
            }
        }
        List<LeadLink> relinked = writes.relinked();
        return links.remember(batch.tenantId(), relinked)
                .chain(() -> records.isEmpty() ? Uni.createFrom().item(List.<RecordResult>of())
                        : salesforce.updateAll(batch.org(), records))
                .map(results -> perRecord(sent, records, results))
                .onFailure(SalesforceException::isInvalidField)
                .recoverWithItem(failure -> missingField(sent, (SalesforceException) failure))
                .invoke(decided::addAll)
                .replaceWith(decided);
    }

    /** A Lead (or Contact) field of the settings the org lacks: every item fails with the field and the fix. */
    private List<ItemOutcome> missingField(List<ClaimedItem> sent, SalesforceException failure) {
        Matcher column = COLUMN.matcher(String.valueOf(failure.getMessage()));
        String field = column.find() ? column.group(1) + " on " + column.group(2) : "a field of the lead settings";
        String hint = "Lead enrichment writes " + field + ", which the org does not have or the integration user "
                + "cannot see: create the field (and grant edit access), or name another at PUT /lead-enrichment "
                + "(\"\" writes none); then retry this entry.";
        return outcomes.failedAll(sent, failure, hint);
    }

    private List<ItemOutcome> perRecord(List<ClaimedItem> sent, List<SObject> records, List<RecordResult> results) {
        List<ItemOutcome> decided = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            ClaimedItem item = sent.get(i);
            RecordResult result = results.get(i);
            boolean convertedMeanwhile = !result.success()
                    && result.errors().stream().anyMatch(e -> CONVERTED_LEAD.equals(e.statusCode()));
            if (convertedMeanwhile) {
                // Converted between our query and our update: the next attempt finds the Contact.
                decided.add(ItemOutcome.retry(item, CONVERTED_LEAD, "Lead converted meanwhile",
                        outcomes.retryAt(item.attempts())));
            } else {
                decided.add(outcomes.ofResult(item, result, null));
            }
        }
        return decided;
    }
}
