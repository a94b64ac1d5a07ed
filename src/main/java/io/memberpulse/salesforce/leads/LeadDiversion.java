package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.leads.LeadLinks.LeadLink;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ContactExtras;
import io.memberpulse.salesforce.outbound.MemberLink;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SoqlLiterals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lead enrichment's part of the Contact writes. For members without a Contact link, when the tenant
 * enabled it: a member whose Lead (remembered, or found by email with no Contact of that email) is
 * open is not written as a Contact; its data goes onto the Lead ({@link LeadUpdateOperation}). A
 * remembered Lead that Salesforce has converted re-links the member to the converted Contact: that
 * Contact gets the member id in the external id field first, so the Contact upsert updates it
 * instead of creating a second Contact. Costs two queries per batch with unlinked members (plus one
 * update the first time after a conversion); linked members cost nothing.
 */
@ApplicationScoped
public class LeadDiversion implements ContactExtras {

    private final LeadSettingsService settings;
    private final LeadLinks links;
    private final SalesforceClient salesforce;
    private final MappingService mappings;

    LeadDiversion(LeadSettingsService settings, LeadLinks links, SalesforceClient salesforce,
            MappingService mappings) {
        this.settings = settings;
        this.links = links;
        this.salesforce = salesforce;
        this.mappings = mappings;
    }

    @Override
    public Uni<Map<String, Extra>> extras(OrgCredentials org, List<ClaimedItem> items,
            Map<String, MemberLink> contacts) {
        List<ClaimedItem> unlinked = items.stream().filter(item -> !contacts.containsKey(item.memberId())).toList();
        if (unlinked.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return settings.settings(org.tenantId())
                .chain(s -> s.enabled() ? divert(org, unlinked) : Uni.createFrom().item(Map.<String, Extra>of()));
    }

    private Uni<Map<String, Extra>> divert(OrgCredentials org, List<ClaimedItem> unlinked) {
        return links.of(org.tenantId(), unlinked.stream().map(ClaimedItem::memberId).toList())
                .chain(known -> lookUp(org, unlinked, known));
    }

    private Uni<Map<String, Extra>> lookUp(OrgCredentials org, List<ClaimedItem> unlinked, Map<String, LeadLink> known) {
        List<String> leadIds = known.values().stream().map(LeadLink::leadId).distinct().toList();
        List<String> emails = unlinked.stream().filter(item -> !known.containsKey(item.memberId()))
                .map(LeadDiversion::email).filter(email -> email != null).distinct().toList();
        if (leadIds.isEmpty() && emails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return salesforce.query(org, leadQuery(leadIds, emails)).collect().asList()
                .chain(leads -> withContacts(org, emails, leads))
                .chain(matches -> decide(org, unlinked, known, matches));
    }

    private Uni<LeadMatches> withContacts(OrgCredentials org, List<String> emails, List<JsonNode> leads) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(LeadMatches.of(leads, List.of()));
        }
        return salesforce.query(org, "SELECT Id, Email FROM Contact WHERE Email IN " + SoqlLiterals.inList(emails))
                .collect().asList()
                .map(contacts -> LeadMatches.of(leads, contacts));
    }

    private Uni<Map<String, Extra>> decide(OrgCredentials org, List<ClaimedItem> unlinked,
            Map<String, LeadLink> known, LeadMatches matches) {
        Map<String, Extra> diverted = new HashMap<>();
        List<LeadLink> remember = new ArrayList<>();
        List<LeadLink> converted = new ArrayList<>();
        for (ClaimedItem item : unlinked) {
            LeadLink link = known.get(item.memberId());
            LeadMatches.Lead lead = link != null ? matches.byId(link.leadId()) : matches.openLeadOnly(email(item));
            if (lead == null) {
                continue;
            }
            if (lead.converted() && lead.convertedContactId() != null) {
                converted.add(new LeadLink(item.memberId(), lead.id(), lead.convertedContactId()));
            } else if (!lead.converted()) {
                diverted.put(item.memberId(), Extra.diverted(lead.id(), "Lead enrichment: member written to Lead "
                        + lead.id() + " (email matches, no Contact)"));
                remember.add(new LeadLink(item.memberId(), lead.id(), null));
            }
        }
        remember.addAll(converted);
        return claimConvertedContacts(org, converted)
                .chain(() -> links.remember(org.tenantId(), remember))
                .replaceWith(diverted);
    }

    /** Puts the member id into the converted Contacts' external id field, so the upsert finds them. */
    private Uni<Void> claimConvertedContacts(OrgCredentials org, List<LeadLink> converted) {
        if (converted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return mappings.contactMapping(org.tenantId())
                .map(mapping -> externalIds(mapping.externalIdField(), converted))
                .chain(records -> salesforce.updateAll(org, records))
                .replaceWithVoid();
    }

    private static List<SObject> externalIds(String externalIdField, List<LeadLink> converted) {
        List<SObject> records = new ArrayList<>(converted.size());
        for (LeadLink link : converted) {
            records.add(SObject.of("Contact", Map.of("Id", link.convertedContactId(), externalIdField,
                    link.memberId())));
        }
        return records;
    }

    private static String leadQuery(List<String> ids, List<String> emails) {
        List<String> terms = new ArrayList<>();
        if (!ids.isEmpty()) {
            terms.add("Id IN " + SoqlLiterals.inList(ids));
        }
        if (!emails.isEmpty()) {
            terms.add("Email IN " + SoqlLiterals.inList(emails));
        }
        return "SELECT Id, Email, IsConverted, ConvertedContactId FROM Lead WHERE " + String.join(" OR ", terms);
    }

    static String email(ClaimedItem item) {
        JsonNode email = item.fields().get("email");
        return email == null || email.isNull() || email.asText().isBlank() ? null : email.asText();
    }
}
