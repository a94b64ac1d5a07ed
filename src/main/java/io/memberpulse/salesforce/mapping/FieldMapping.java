package io.memberpulse.salesforce.mapping;

/** One mapped field: a member field, the Contact field it lands in, and its rule. */
public record FieldMapping(MemberField memberPulseField, String salesforceField, FieldRule rule) {
}
