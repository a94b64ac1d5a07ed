package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/** {@code /sobjects}, {@code /sobjects/{Type}} and {@code /sobjects/{Type}/describe} bodies. */
final class DescribeJson {

    private DescribeJson() {
    }

    static Map<String, Object> global(String prefix, OrgSchema schema) {
        List<Map<String, Object>> objects = schema.types().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(t -> basic(prefix, t)).toList();
        return Json.obj("encoding", "UTF-8", "maxBatchSize", 200, "sobjects", objects);
    }

    static Map<String, Object> basic(String prefix, SObjectType type) {
        String base = prefix + "/sobjects/" + type.name();
        return Json.obj("name", type.name(), "label", type.label(), "labelPlural", type.label() + "s",
                "keyPrefix", type.keyPrefix(), "custom", type.isCustom(), "createable", true, "updateable", true,
                "deletable", true, "queryable", true, "replicateable", true,
                "urls", Json.obj("sobject", base, "describe", base + "/describe", "rowTemplate", base + "/{ID}"));
    }

    static Map<String, Object> describe(String prefix, SObjectType type) {
        Map<String, Object> json = basic(prefix, type);
        json.put("fields", type.fields().stream().map(DescribeJson::field).toList());
        return json;
    }

    private static Map<String, Object> field(Field f) {
        return Json.obj("name", f.name(), "label", f.label(), "type", f.type().describeName(),
                "length", f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE
                        ? f.length() : 0,
                "custom", f.name().endsWith("__c"), "externalId", f.externalId(), "unique", f.unique(),
                "idLookup", f.idLookup(), "nillable", f.nillable(), "createable", f.createable(),
                "updateable", f.updateable(), "defaultedOnCreate", f.defaultValue() != null,
                "defaultValue", f.defaultValue(),
                "restrictedPicklist", f.restricted(),
                "picklistValues", f.picklistValues().stream().map(v -> Json.obj("active", true,
                        "defaultValue", v.equals(f.defaultValue()), "label", v, "validFor", null, "value", v)).toList(),
                "referenceTo", f.referenceTo(), "relationshipName", f.relationshipName());
    }
}
