package io.memberpulse.salesforce.customobjects;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@code PUT /custom-object-mappings} body into settings, or a 400 naming every bad field by
 * its JSON path ({@code mappings[0].fields[1].salesforceField}). The org's objects and fields are
 * checked by {@link CustomObjectOrgCheck}.
 */
final class CustomObjectsValidator {

    private static final String NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";
    private static final Pattern CUSTOM = Pattern.compile("(?:" + NAME + "__)?" + NAME + "__c");
    private static final Pattern FIELD = Pattern.compile(NAME + "|(?:" + NAME + "__)?" + NAME + "__c");
    private static final String NAME_RULE = "must be a Salesforce API name of at most 80 characters";

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private CustomObjectsValidator() {
    }

    static CustomObjectSettings validate(CustomObjectMappingsRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        CustomObjectsValidator validator = new CustomObjectsValidator();
        validator.mappings(request.mappings());
        if (!validator.errors.isEmpty()) {
            throw ProblemException.invalidFields(validator.errors);
        }
        return new CustomObjectSettings(request.mappings());
    }

    private void mappings(List<CustomObjectMapping> mappings) {
        if (mappings == null) {
            error("mappings", "is required: a list of mappings, or [] for none");
            return;
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            String path = "mappings[" + i + "]";
            CustomObjectMapping mapping = mappings.get(i);
            if (mapping == null) {
                error(path, "must be an object {recordType, objectName, externalIdField, contactLookupField, fields}");
                continue;
            }
            Optional<RecordType> type = RecordType.ofJson(mapping.recordType());
            if (type.isEmpty()) {
                error(path + ".recordType", (mapping.recordType() == null ? "is required" : "is not a record type")
                        + "; one of " + RecordType.jsonNames());
            } else if (!types.add(mapping.recordType())) {
                error(path + ".recordType", mapping.recordType() + " is mapped twice; one mapping per record type");
            }
            if (mapping.objectName() == null || mapping.objectName().length() > 80
                    || !CUSTOM.matcher(mapping.objectName()).matches()) {
                error(path + ".objectName", "must be a custom object API name ending in __c");
            }
            name(path + ".externalIdField", mapping.externalIdField());
            name(path + ".contactLookupField", mapping.contactLookupField());
            if (mapping.externalIdField() != null && mapping.externalIdField().equalsIgnoreCase(
                    mapping.contactLookupField())) {
                error(path + ".contactLookupField", "must differ from externalIdField");
            }
            fields(path, mapping, type.orElse(null));
        }
    }

    private void fields(String path, CustomObjectMapping mapping, RecordType type) {
        if (mapping.fields() == null || mapping.fields().isEmpty()) {
            error(path + ".fields", "must map at least one field {memberPulseField, salesforceField}");
            return;
        }
        Set<String> reserved = new HashSet<>();
        Optional.ofNullable(mapping.externalIdField()).ifPresent(f -> reserved.add(f.toLowerCase(Locale.ROOT)));
        Optional.ofNullable(mapping.contactLookupField()).ifPresent(f -> reserved.add(f.toLowerCase(Locale.ROOT)));
        Set<String> members = new HashSet<>();
        Map<String, Integer> targets = new HashMap<>();
        for (int j = 0; j < mapping.fields().size(); j++) {
            String at = path + ".fields[" + j + "]";
            CustomFieldMapping field = mapping.fields().get(j);
            if (field == null) {
                error(at, "must be an object {memberPulseField, salesforceField}");
                continue;
            }
            if (type != null && !type.fields().contains(field.memberPulseField())) {
                error(at + ".memberPulseField", "must be one of " + String.join(", ", type.fields()));
            } else if (field.memberPulseField() != null && !members.add(field.memberPulseField())) {
                error(at + ".memberPulseField", field.memberPulseField() + " is mapped twice");
            }
            if (!name(at + ".salesforceField", field.salesforceField())) {
                continue;
            }
            String key = field.salesforceField().toLowerCase(Locale.ROOT);
            if (reserved.contains(key)) {
                error(at + ".salesforceField", "is the external id or Contact lookup field, which MemberPulse fills");
            } else if (targets.putIfAbsent(key, j) != null) {
                error(at + ".salesforceField", "is already mapped by fields[" + targets.get(key) + "]");
            }
        }
    }

    private boolean name(String path, String name) {
        if (name == null || name.length() > 80 || !FIELD.matcher(name).matches()) {
            error(path, name == null ? "is required" : NAME_RULE);
            return false;
        }
        return true;
    }

    private void error(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
    }
}
