package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Leads (by id and by email) and Contact emails an org answered for one batch of members. */
final class LeadMatches {

    /** One Lead as queried. */
    record Lead(String id, String email, boolean converted, String convertedContactId) {
    }

    private final Map<String, Lead> byId = new HashMap<>();
    private final Map<String, Lead> openByEmail = new HashMap<>();
    private final Set<String> contactEmails = new HashSet<>();

    static LeadMatches of(List<JsonNode> leads, List<JsonNode> contacts) {
        LeadMatches matches = new LeadMatches();
        for (JsonNode row : leads) {
            Lead lead = new Lead(row.path("Id").asText(), row.path("Email").asText(null),
                    row.path("IsConverted").asBoolean(false), row.path("ConvertedContactId").asText(null));
            matches.byId.put(id15(lead.id()), lead);
            if (!lead.converted() && lead.email() != null) {
                matches.openByEmail.putIfAbsent(key(lead.email()), lead);
            }
        }
        contacts.forEach(row -> matches.contactEmails.add(key(row.path("Email").asText(""))));
        return matches;
    }

    Lead byId(String id) {
        return byId.get(id15(id));
    }

    /** The open Lead with this email, unless a Contact has the email too (then the member is that Contact). */
    Lead openLeadOnly(String email) {
        return email == null || contactEmails.contains(key(email)) ? null : openByEmail.get(key(email));
    }

    static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static String id15(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }
}
