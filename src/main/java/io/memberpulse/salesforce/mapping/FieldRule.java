package io.memberpulse.salesforce.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which way a mapped field flows, and who wins a conflict. JSON: lower case, e.g. {@code two_way}. */
public enum FieldRule {
    /** MemberPulse writes it; Salesforce changes are ignored. */
    TO_SALESFORCE,
    /** Salesforce changes flow to MemberPulse; MemberPulse never writes it. */
    FROM_SALESFORCE,
    /** Both ways; the later change wins (member event occurredAt vs change event commitTimestamp). */
    TWO_WAY,
    /** Salesforce's value wins unless it is blank: MemberPulse fills it only when the Contact is created. */
    PREFER_SALESFORCE_UNLESS_BLANK,
    /** Not synced. */
    NONE;

    /** Whether MemberPulse's value is written on every change. */
    public boolean writesOnUpdate() {
        return this == TO_SALESFORCE || this == TWO_WAY;
    }

    /** Whether MemberPulse's value is written when the Contact is first created. */
    public boolean writesOnCreate() {
        return writesOnUpdate() || this == PREFER_SALESFORCE_UNLESS_BLANK;
    }

    /** Whether Salesforce's changes may reach MemberPulse. */
    public boolean readsFromSalesforce() {
        return this == FROM_SALESFORCE || this == TWO_WAY || this == PREFER_SALESFORCE_UNLESS_BLANK;
    }

    /** The rule's name on the wire, e.g. {@code two_way}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule named {@code name} on the wire, if there is one. */
    public static Optional<FieldRule> ofJson(String name) {
        return Arrays.stream(values()).filter(rule -> rule.json().equals(name)).findFirst();
    }

    /** Every wire name, for error messages and the API documentation. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(FieldRule::json).collect(Collectors.toList());
    }
}
