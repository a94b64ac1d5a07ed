package io.memberpulse.salesforce.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The org's Contact fields, from describe(Contact), and what they say about a mapping: fields that
 * do not exist (or the integration user cannot see), an external id field that is not External ID,
 * and written fields the integration user may not create or update.
 */
final class ContactSchema {

    /** Describe field entries by lower-case API name: Salesforce compares names ignoring case. */
    private final Map<String, JsonNode> fields;

    private ContactSchema(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    static ContactSchema of(JsonNode describe) {
        Map<String, JsonNode> fields = new HashMap<>();
        describe.path("fields").forEach(field -> fields.put(key(field.path("name").asText()), field));
        return new ContactSchema(fields);
    }

    /** Each problem named by the JSON path of the request that caused it. */
    List<Problem.FieldError> problemsWith(ContactMapping mapping) {
        List<Problem.FieldError> problems = new ArrayList<>();
        externalId(mapping.externalIdField()).ifPresent(message -> problems.add(
                new Problem.FieldError("externalIdField", message)));
        if (writesStatus(mapping)) {
            writable(mapping.membershipStatusField(), true, true).ifPresent(message -> problems.add(
                    new Problem.FieldError("membershipStatusField", message)));
        }
        for (int i = 0; i < mapping.fields().size(); i++) {
            FieldMapping field = mapping.fields().get(i);
            if (field.rule() == FieldRule.NONE) {
                continue;
            }
            String path = "fields[" + i + "].salesforceField";
            writable(contactField(field), field.rule().writesOnCreate(), field.rule().writesOnUpdate())
                    .ifPresent(message -> problems.add(new Problem.FieldError(path, message)));
        }
        return problems;
    }

    private Optional<String> externalId(String name) {
        JsonNode field = fields.get(key(name));
        if (field == null) {
            return Optional.of(missing(name) + " Create it as a unique External ID text field, or name "
                    + "an existing one.");
        }
        if (!field.path("externalId").asBoolean(false)) {
            return Optional.of("Contact." + name + " is not an External ID field, so upserts cannot use "
                    + "it: mark it External ID and Unique in Setup, or name another field.");
        }
        return writable(name, true, false);
    }

    private Optional<String> writable(String name, boolean onCreate, boolean onUpdate) {
        JsonNode field = fields.get(key(name));
        if (field == null) {
            return Optional.of(missing(name) + " Create it, grant the integration user access to it, "
                    + "or change the mapping.");
        }
        if (onCreate && !field.path("createable").asBoolean(false)) {
            return Optional.of("Contact." + name + " cannot be set on new Contacts by the integration "
                    + "user: grant edit access to it, or choose a rule that does not write it.");
        }
        if (onUpdate && !field.path("updateable").asBoolean(false)) {
            return Optional.of("Contact." + name + " cannot be updated by the integration user: grant "
                    + "edit access to it, or choose a rule that does not write it.");
        }
        return Optional.empty();
    }

    /** Company lands on the Account; on Contact, it is the AccountId link that is written. */
    private static String contactField(FieldMapping field) {
        return field.memberPulseField() == MemberField.COMPANY ? DefaultMapping.ACCOUNT_ID : field.salesforceField();
    }

    private static boolean writesStatus(ContactMapping mapping) {
        return mapping.deletedMemberPolicy() == DeletedMemberPolicy.CLEAR_STATUS
                || mapping.of(MemberField.MEMBERSHIP_STATUS).map(FieldMapping::rule)
                        .filter(rule -> rule != FieldRule.NONE).isPresent();
    }

    private static String missing(String name) {
        return "Contact has no field " + name + " visible to the integration user.";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
