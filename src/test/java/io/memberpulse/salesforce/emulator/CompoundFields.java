package io.memberpulse.salesforce.emulator;

import java.util.Map;
import java.util.Optional;

/** Compound fields as CDC nests them ({@code "Name":{"LastName":...}}, changedFields {@code Name.LastName}). */
final class CompoundFields {

    /** A field's place in a compound: compound name and component name. */
    record Part(String compound, String component) {
    }

    private static final Map<String, String> NAME = Map.of("Salutation", "Salutation", "FirstName", "FirstName",
            "LastName", "LastName");
    private static final Map<String, Map<String, Map<String, String>>> BY_ENTITY = Map.of(
            "Contact", Map.of("Name", NAME, "MailingAddress", address("Mailing")),
            "Lead", Map.of("Name", NAME, "Address", address("")),
            "Account", Map.of("BillingAddress", address("Billing")));

    private CompoundFields() {
    }

    static Optional<Part> of(String entity, String field) {
        return BY_ENTITY.getOrDefault(entity, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().containsKey(field))
                .map(e -> new Part(e.getKey(), e.getValue().get(field)))
                .findFirst();
    }

    /** Fields derived from a compound that CDC does not send on their own (Contact/Lead Name). */
    static boolean isDerived(String entity, String field) {
        return field.equals("Name") && BY_ENTITY.getOrDefault(entity, Map.of()).containsKey("Name");
    }

    private static Map<String, String> address(String prefix) {
        return Map.of(prefix + "Street", "Street", prefix + "City", "City", prefix + "State", "State",
                prefix + "PostalCode", "PostalCode", prefix + "Country", "Country");
    }
}
