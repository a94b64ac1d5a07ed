package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.mapping.FieldRule;
import io.memberpulse.salesforce.mapping.MemberField;
import java.time.Instant;

/**
 * Decides, field by field under the tenant's mapping, which Salesforce values of one change reach
 * MemberPulse: the rule must read from Salesforce, {@code two_way} only when Salesforce changed it
 * after MemberPulse did, {@code prefer_salesforce_unless_blank} only when not blank; fields
 * MemberPulse owns (membership status, company via Account) never; values Salesforce holds from us
 * are dropped as unchanged.
 */
final class FieldDecision {

    /** The member fields to deliver (by MemberPulse name) and how many values were unchanged. */
    record Decided(ObjectNode fields, int unchanged) {
    }

    private FieldDecision() {
    }

    static Decided decide(ContactMapping mapping, InboundLink link, SalesforceChange change) {
        ObjectNode fields = change.values().objectNode();
        int unchanged = 0;
        for (FieldMapping field : mapping.fields()) {
            JsonNode value = change.values().get(field.salesforceField());
            if (value == null || !takes(field, link, change, value)) {
                continue;
            }
            if (link.holds(field.salesforceField(), value)) {
                unchanged++;
                continue;
            }
            link.remember(field.salesforceField(), value);
            fields.set(field.memberPulseField().json(), value);
        }
        return new Decided(fields, unchanged);
    }

    private static boolean takes(FieldMapping field, InboundLink link, SalesforceChange change, JsonNode value) {
        if (ownedByMemberPulse(field.memberPulseField()) || !field.rule().readsFromSalesforce()) {
            return false;
        }
        if (field.rule() == FieldRule.PREFER_SALESFORCE_UNLESS_BLANK) {
            return !value.isNull() && !value.asText().isBlank();
        }
        if (field.rule() == FieldRule.TWO_WAY) {
            return salesforceIsLater(link.memberPulseChangedAt(field.memberPulseField().json()), change.changedAt());
        }
        return true;
    }

    /** Latest change wins; a tie goes to MemberPulse, whose write already reached Salesforce. */
    private static boolean salesforceIsLater(Instant memberPulseChangedAt, Instant salesforceChangedAt) {
        return memberPulseChangedAt == null || salesforceChangedAt == null
                || salesforceChangedAt.isAfter(memberPulseChangedAt);
    }

    /** Membership status and tags are MemberPulse's; the company is written as an Account link. */
    private static boolean ownedByMemberPulse(MemberField field) {
        return field == MemberField.MEMBERSHIP_STATUS || field == MemberField.COMPANY;
    }
}
