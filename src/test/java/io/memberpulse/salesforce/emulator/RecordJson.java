package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/** Records as the REST API renders them: {@code attributes {type,url}} first, then fields. */
final class RecordJson {

    private RecordJson() {
    }

    static Map<String, Object> attributes(String prefix, String type, String id) {
        return Json.obj("type", type, "url", prefix + "/sobjects/" + type + "/" + id);
    }

    /** All declared fields, or only {@code fields} when given. */
    static Map<String, Object> render(String prefix, SObjectType type, StoredRecord record, List<String> fields) {
        Map<String, Object> json = Json.obj("attributes", attributes(prefix, type.name(), record.id()));
        if (fields == null) {
            type.fields().forEach(f -> json.put(f.name(), record.get(f.name())));
        } else {
            for (String f : fields) {
                Field field = type.find(f.trim()).orElseThrow(() -> RecordDecoder.noSuchColumn(type, f.trim()));
                json.put(field.name(), record.get(field.name()));
            }
        }
        return json;
    }
}
