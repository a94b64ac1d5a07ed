package io.memberpulse.salesforce.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The member fields MemberPulse sends in {@code member.upserted}, by their JSON names. */
public enum MemberField {
    EMAIL("email"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    PHONE("phone"),
    /** Becomes an Account (found or created by name) linked through {@code AccountId}. */
    COMPANY("company"),
    /** Owned by MemberPulse: always to_salesforce, into the tenant's membership status field. */
    MEMBERSHIP_STATUS("membershipStatus");

    private final String json;

    MemberField(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static MemberField ofJson(String name) {
        for (MemberField field : values()) {
            if (field.json.equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("Unknown member field " + name);
    }

    /** The field named {@code name} on the wire, if there is one. */
    public static Optional<MemberField> find(String name) {
        return Arrays.stream(values()).filter(field -> field.json.equals(name)).findFirst();
    }

    /** Every wire name, for error messages. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(MemberField::json).collect(Collectors.toList());
    }
}
