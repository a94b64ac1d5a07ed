package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.leads.LeadLinks.LeadLink;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.tags.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The Lead (or converted Contact) updates of one batch, built from the items, the Leads and the scores. */
final class LeadWrites {

    private final LeadSettings settings;
    private final Map<String, LeadLink> links;
    private final Map<String, JsonNode> leads = new HashMap<>();
    private final List<LeadLink> relinked = new ArrayList<>();
    private Map<String, Integer> scores = Map.of();

    LeadWrites(LeadSettings settings, Map<String, LeadLink> links) {
        this.settings = settings;
        this.links = new HashMap<>(links);
    }

    void scores(Map<String, Integer> scores) {
        this.scores = scores;
    }

    List<String> openLeadIds() {
        return links.values().stream().filter(link -> link.convertedContactId() == null).map(LeadLink::leadId)
                .distinct().toList();
    }

    String leadQuery(String idList) {
        StringBuilder soql = new StringBuilder("SELECT Id, IsConverted, ConvertedContactId");
        if (settings.memberSinceField() != null) {
            soql.append(", ").append(settings.memberSinceField());
        }
        if (settings.tagsField() != null) {
            soql.append(", ").append(settings.tagsField());
        }
        return soql.append(" FROM Lead WHERE Id IN ").append(idList).toString();
    }

    /** Leads as queried; converted ones re-link their members to the converted Contact. */
    void leads(List<JsonNode> rows) {
        rows.forEach(row -> leads.put(id15(row.path("Id").asText()), row));
        links.replaceAll((member, link) -> relinkIfConverted(link));
    }

    private LeadLink relinkIfConverted(LeadLink link) {
        JsonNode lead = leads.get(id15(link.leadId()));
        if (link.convertedContactId() != null || lead == null || !lead.path("IsConverted").asBoolean(false)
                || !lead.hasNonNull("ConvertedContactId")) {
            return link;
        }
        LeadLink converted = new LeadLink(link.memberId(), link.leadId(), lead.get("ConvertedContactId").asText());
        relinked.add(converted);
        return converted;
    }

    /** Links that changed: members whose Lead was converted. */
    List<LeadLink> relinked() {
        return relinked;
    }

    /** The update for the item's member, or null when it is not a Lead member. */
    SObject record(ClaimedItem item) {
        LeadLink link = links.get(item.memberId());
        if (link == null) {
            return null;
        }
        boolean converted = link.convertedContactId() != null;
        JsonNode lead = converted ? null : leads.get(id15(link.leadId()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", link.personId());
        JsonNode values = item.fields();
        put(fields, settings.statusField(), values.hasNonNull(LeadUpdateOperation.STATUS)
                ? values.get(LeadUpdateOperation.STATUS).asText() : null);
        boolean sinceBlank = lead == null || !lead.hasNonNull(settings.memberSinceField());
        if (sinceBlank && values.hasNonNull(LeadUpdateOperation.SINCE)) {
            put(fields, settings.memberSinceField(), values.get(LeadUpdateOperation.SINCE).asText());
        }
        put(fields, settings.scoreField(), scores.getOrDefault(item.memberId(), 0));
        if (!converted) {
            put(fields, settings.memberIdField(), item.memberId());
            String tags = tags(lead, values);
            if (tags != null) {
                put(fields, settings.tagsField(), tags.isEmpty() ? null : tags);
            }
        }
        return SObject.of(converted ? "Contact" : "Lead", fields);
    }

    /** The Lead's tag picklist with the item's deltas applied; values MemberPulse does not own are kept. */
    private String tags(JsonNode lead, JsonNode values) {
        if (settings.tagsField() == null) {
            return null;
        }
        String current = lead == null ? "" : lead.path(settings.tagsField()).asText("");
        Set<String> tags = new LinkedHashSet<>(Arrays.stream(current.split(";")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList());
        boolean changed = false;
        for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.startsWith(LeadUpdateOperation.TAG_PREFIX) && Tags.owned(name.substring(4))) {
                String tag = name.substring(LeadUpdateOperation.TAG_PREFIX.length());
                changed |= values.get(name).asBoolean() ? tags.add(tag) : tags.remove(tag);
            }
        }
        return changed ? tags.stream().collect(Collectors.joining(";")) : null;
    }

    private static void put(Map<String, Object> fields, String field, Object value) {
        if (field != null && value != null) {
            fields.put(field, value);
        }
    }

    private static String id15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}
