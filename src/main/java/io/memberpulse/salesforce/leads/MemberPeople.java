package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.OperationBatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a member is in Salesforce for writes that name a person: the Contact the pipeline linked, else
 * the Lead that lead enrichment writes to, or the Contact it was converted into (CampaignMember takes
 * a ContactId or a LeadId, a Task's WhoId either).
 */
@ApplicationScoped
public class MemberPeople {

    private final LeadLinks leads;

    MemberPeople(LeadLinks leads) {
        this.leads = leads;
    }

    /** Member id -> Contact or Lead id; members with neither are absent. */
    public Uni<Map<String, String>> of(OperationBatch batch) {
        Map<String, String> persons = new HashMap<>();
        List<String> withoutContact = batch.items().stream().map(ClaimedItem::memberId)
                .filter(member -> batch.contactId(member) == null).distinct().toList();
        batch.items().forEach(item -> persons.computeIfAbsent(item.memberId(), batch::contactId));
        persons.values().removeIf(id -> id == null);
        if (withoutContact.isEmpty()) {
            return Uni.createFrom().item(persons);
        }
        return leads.personIds(batch.tenantId(), withoutContact)
                .invoke(persons::putAll)
                .replaceWith(persons);
    }
}
