package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the Contact writes of a claimed batch: links, Accounts, then the features' extra values. */
@ApplicationScoped
class ContactWrites {

    private final LinkRepository links;
    private final Instance<ContactExtras> extras;

    ContactWrites(LinkRepository links, Instance<ContactExtras> extras) {
        this.links = links;
        this.extras = extras;
    }

    Uni<List<ContactWrite>> of(OrgCredentials org, ContactMapping mapping, List<ClaimedItem> items) {
        List<String> members = items.stream().map(ClaimedItem::memberId).collect(Collectors.toList());
        List<String> companies = items.stream().map(ClaimedItem::companyKey).filter(k -> k != null)
                .distinct().collect(Collectors.toList());
        return Uni.combine().all().unis(links.links(org.tenantId(), members), links.accounts(org.tenantId(), companies))
                .asTuple()
                .chain(both -> withExtras(org, mapping, items, both.getItem1(), both.getItem2()));
    }

    private Uni<List<ContactWrite>> withExtras(OrgCredentials org, ContactMapping mapping, List<ClaimedItem> items,
            Map<String, MemberLink> linked, Map<String, String> accountIds) {
        return extras(org, items, linked)
                .map(perMember -> writes(items, mapping, linked, accountIds, perMember));
    }

    /** Every feature's extra values for the members of one batch (at most one Collections call's worth). */
    Uni<Map<String, ContactExtras.Extra>> extras(OrgCredentials org, List<ClaimedItem> items,
            Map<String, MemberLink> linked) {
        Uni<Map<String, ContactExtras.Extra>> merged = Uni.createFrom().item(new HashMap<>());
        for (ContactExtras feature : extras) {
            merged = merged.chain(sofar -> feature.extras(org, items, linked)
                    .map(more -> merge(sofar, more)));
        }
        return merged;
    }

    /** Several features' values for one member add up; any refusal refuses the member's write. */
    private static Map<String, ContactExtras.Extra> merge(Map<String, ContactExtras.Extra> sofar,
            Map<String, ContactExtras.Extra> more) {
        more.forEach((member, extra) -> sofar.merge(member, extra, ContactWrites::combine));
        return sofar;
    }

    private static ContactExtras.Extra combine(ContactExtras.Extra a, ContactExtras.Extra b) {
        if (a.divertedTo() != null) {
            return a;
        }
        if (b.divertedTo() != null) {
            return b;
        }
        if (a.errorCode() != null) {
            return a;
        }
        if (b.errorCode() != null) {
            return b;
        }
        ObjectNode values = a.values().deepCopy();
        values.setAll(b.values());
        return a.checked() && b.checked() ? ContactExtras.Extra.checked(values) : ContactExtras.Extra.of(values);
    }

    private static List<ContactWrite> writes(List<ClaimedItem> items, ContactMapping mapping,
            Map<String, MemberLink> linked, Map<String, String> accountIds, Map<String, ContactExtras.Extra> extra) {
        List<ContactWrite> writes = new ArrayList<>(items.size());
        for (ClaimedItem item : items) {
            writes.add(ContactWrite.of(item, mapping, linked.get(item.memberId()), accountIds,
                    extra.get(item.memberId())));
        }
        return writes;
    }
}
