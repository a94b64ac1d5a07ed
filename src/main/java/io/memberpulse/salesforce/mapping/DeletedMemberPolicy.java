package io.memberpulse.salesforce.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code member.deleted} does to the Contact. */
public enum DeletedMemberPolicy {
    /** Nothing: the Contact stays as it is (default; Salesforce data belongs to the tenant). */
    IGNORE,
    /** Clears the membership status field, so the Contact no longer looks like a member. */
    CLEAR_STATUS;

    /** The policy's name on the wire, e.g. {@code clear_status}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code name} on the wire, if there is one. */
    public static Optional<DeletedMemberPolicy> ofJson(String name) {
        return Arrays.stream(values()).filter(policy -> policy.json().equals(name)).findFirst();
    }

    /** Every wire name, for error messages. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(DeletedMemberPolicy::json).collect(Collectors.toList());
    }
}
