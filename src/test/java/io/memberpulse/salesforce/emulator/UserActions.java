package io.memberpulse.salesforce.emulator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a Salesforce user does outside the API: edits, lead conversion, merges. */
final class UserActions {

    private static final List<String> LEAD_TO_CONTACT = List.of("Salutation", "FirstName", "LastName", "Email",
            "Phone", "MobilePhone", "Title", "LeadSource", "Description", "HasOptedOutOfEmail",
            "MemberPulse_Id__c", "MemberPulse_Membership_Status__c", "MemberPulse_Tags__c",
            "MemberPulse_Member_Since__c", "MemberPulse_Engagement_Score__c");

    private UserActions() {
    }

    /** Runs one save in its own transaction; throws if it fails. Returns the record id. */
    static String save(EmulatedOrg org, WriteContext context, boolean publish,
            Function<OrgTransaction, ItemResult> action) {
        try (OrgTransaction tx = org.begin(context)) {
            ItemResult result = action.apply(tx);
            if (!result.success()) {
                throw new IllegalArgumentException("save failed: " + result.errors());
            }
            if (publish) {
                tx.commit();
            } else {
                tx.commitQuietly();
            }
            return result.id();
        }
    }

    static String convertLead(EmulatedOrg org, WriteContext context, String leadId) {
        try (OrgTransaction tx = org.begin(context)) {
            StoredRecord lead = org.store().find(leadId).filter(r -> r.type().equals("Lead"))
                    .orElseThrow(() -> new IllegalArgumentException("no lead " + leadId));
            SObjectType contactType = org.type("Contact");
            Map<String, Object> contact = new LinkedHashMap<>();
            for (String f : LEAD_TO_CONTACT) {
                if (lead.get(f) != null && contactType.find(f).isPresent()) {
                    contact.put(f, lead.get(f));
                }
            }
            String accountId = check(tx.create(org.type("Account"),
                    new LinkedHashMap<>(Map.of("Name", String.valueOf(lead.get("Company"))))));
            contact.put("AccountId", accountId);
            String contactId = check(tx.create(contactType, contact));
            Map<String, Object> converted = new LinkedHashMap<>();
            converted.put("IsConverted", true);
            converted.put("ConvertedContactId", contactId);
            converted.put("ConvertedAccountId", accountId);
            converted.put("ConvertedDate", LocalDate.now().toString());
            converted.put("Status", "Closed - Converted");
            tx.forceUpdate(lead, converted);
            tx.commit();
            return contactId;
        }
    }

    static void merge(EmulatedOrg org, WriteContext context, String winnerId, String loserId) {
        try (OrgTransaction tx = org.begin(context)) {
            StoredRecord winner = org.store().find(winnerId).orElseThrow();
            StoredRecord loser = org.store().find(loserId).orElseThrow();
            for (SObjectType type : org.schema().types()) {
                for (StoredRecord r : org.store().all(type.name())) {
                    Map<String, Object> moved = new LinkedHashMap<>();
                    r.fields().forEach((k, v) -> {
                        if (loser.id().equals(v) && !k.equals("Id")) {
                            moved.put(k, winner.id());
                        }
                    });
                    if (!moved.isEmpty() && !r.isDeleted()) {
                        tx.forceUpdate(r, moved);
                    }
                }
            }
            check(tx.delete(loser.id(), Map.of("MasterRecordId", winner.id())));
            tx.commit();
        }
    }

    private static String check(ItemResult result) {
        if (!result.success()) {
            throw new IllegalArgumentException("save failed: " + result.errors());
        }
        return result.id();
    }
}
