package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.mapping.MemberField;
import io.memberpulse.salesforce.salesforce.SObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Contact values one claimed item turns into under the tenant's mapping: only fields whose rule
 * lets MemberPulse write them (some only on create), the Account of its company, the external id.
 * Values equal to what the service last wrote are left out; if nothing is left, no call is needed.
 */
final class ContactWrite {

    final ClaimedItem item;
    final ObjectNode values;
    final String accountId;
    final MemberLink link;
    /** Set when a feature's extra values refuse the whole write (see {@link ContactExtras.Extra}). */
    final ItemOutcome refusal;

    private ContactWrite(ClaimedItem item, ObjectNode values, String accountId, MemberLink link, ItemOutcome refusal) {
        this.item = item;
        this.values = values;
        this.accountId = accountId;
        this.link = link;
        this.refusal = refusal;
    }

    static ContactWrite of(ClaimedItem item, ContactMapping mapping, MemberLink link, Map<String, String> accounts,
            ContactExtras.Extra extra) {
        if (extra != null && extra.divertedTo() != null) {
            return new ContactWrite(item, PlannedChange.JSON.createObjectNode(), null, link,
                    new ItemOutcome(item, ItemOutcome.Kind.SKIPPED, extra.divertedTo(), null, null,
                            ContactExtras.Extra.DIVERTED, extra.message(), null, null));
        }
        if (extra != null && extra.errorCode() != null) {
            return new ContactWrite(item, PlannedChange.JSON.createObjectNode(), null, link,
                    ItemOutcome.failed(item, extra.errorCode(), extra.message(), extra.hint()));
        }
        boolean creating = link == null;
        ObjectNode values = PlannedChange.JSON.createObjectNode();
        String accountId = null;
        for (FieldMapping field : mapping.fields()) {
            String name = field.memberPulseField().json();
            boolean writes = creating ? field.rule().writesOnCreate() : field.rule().writesOnUpdate();
            if (!item.fields().has(name) || !writes) {
                continue;
            }
            if (field.memberPulseField() == MemberField.COMPANY) {
                JsonNode company = item.fields().get(name);
                accountId = company.isNull() || company.asText().isBlank() ? null
                        : blankToNull(accounts.get(CompanyKeys.of(company.asText())));
                values.put("AccountId", accountId);
            } else {
                String target = field.memberPulseField() == MemberField.MEMBERSHIP_STATUS
                        ? mapping.membershipStatusField() : field.salesforceField();
                values.set(target, item.fields().get(name));
            }
        }
        if (extra != null && !extra.checked()) {
            values.setAll(extra.values());
        }
        if (!creating) {
            dropUnchanged(values, link.lastWritten());
        }
        if (extra != null && extra.checked()) {
            values.setAll(extra.values());
        }
        return new ContactWrite(item, values, accountId, link, null);
    }

    boolean isNoOp() {
        return values.isEmpty() && link != null;
    }

    SObject toSObject(String externalIdField) {
        Map<String, Object> fields = new LinkedHashMap<>();
        values.fields().forEachRemaining(entry -> fields.put(entry.getKey(), plain(entry.getValue())));
        fields.put(externalIdField, item.memberId());
        return SObject.of("Contact", fields);
    }

    /** Never send back what Salesforce already holds from us. */
    private static void dropUnchanged(ObjectNode values, ObjectNode lastWritten) {
        Iterator<Map.Entry<String, JsonNode>> entries = values.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode previous = lastWritten.get(entry.getKey());
            if (previous != null && previous.equals(entry.getValue())) {
                entries.remove();
            }
        }
    }

    private static Object plain(JsonNode value) {
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
