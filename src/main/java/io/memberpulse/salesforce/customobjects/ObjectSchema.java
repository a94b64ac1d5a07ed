package io.memberpulse.salesforce.customobjects;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What describe of one custom object says about its mapping: missing, read-only or mistyped fields. */
final class ObjectSchema {

    private final String object;
    private final Map<String, JsonNode> fields = new HashMap<>();

    private ObjectSchema(String object, JsonNode describe) {
        this.object = object;
        describe.path("fields").forEach(f -> fields.put(key(f.path("name").asText()), f));
    }

    static ObjectSchema of(String object, JsonNode describe) {
        return new ObjectSchema(object, describe);
    }

    void check(String path, CustomObjectMapping mapping, List<Problem.FieldError> problems) {
        JsonNode externalId = writable(path + ".externalIdField", mapping.externalIdField(), problems);
        if (externalId != null && !externalId.path("externalId").asBoolean(false)) {
            problems.add(new Problem.FieldError(path + ".externalIdField", object + "." + mapping.externalIdField()
                    + " is not an External ID field: mark it External ID (and Unique) in Setup, or name another."));
        }
        JsonNode lookup = writable(path + ".contactLookupField", mapping.contactLookupField(), problems);
        if (lookup != null && !references(lookup, "Contact")) {
            problems.add(new Problem.FieldError(path + ".contactLookupField", object + "."
                    + mapping.contactLookupField() + " is not a lookup to Contact: create a Lookup(Contact) field, "
                    + "or name one."));
        }
        for (int j = 0; j < mapping.fields().size(); j++) {
            writable(path + ".fields[" + j + "].salesforceField", mapping.fields().get(j).salesforceField(), problems);
        }
    }

    private JsonNode writable(String path, String name, List<Problem.FieldError> problems) {
        JsonNode field = fields.get(key(name));
        if (field == null) {
            problems.add(new Problem.FieldError(path, object + " has no field " + name + " visible to the "
                    + "integration user: create it, grant the integration user access to it, or change the mapping."));
            return null;
        }
        if (!field.path("createable").asBoolean(false) || !field.path("updateable").asBoolean(false)) {
            problems.add(new Problem.FieldError(path, object + "." + name + " cannot be written by the integration "
                    + "user: grant it edit access, or map another field."));
            return null;
        }
        return field;
    }

    private static boolean references(JsonNode field, String type) {
        for (JsonNode target : field.path("referenceTo")) {
            if (type.equals(target.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
