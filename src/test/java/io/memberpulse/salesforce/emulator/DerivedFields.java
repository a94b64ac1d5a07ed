package io.memberpulse.salesforce.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fields Salesforce computes: Contact/Lead Name, Task IsClosed, CampaignMember HasResponded. */
final class DerivedFields {

    private DerivedFields() {
    }

    static Map<String, Object> apply(SObjectType type, Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        switch (type.name()) {
            case "Contact":
            case "Lead":
                String name = Stream.of(out.get("FirstName"), out.get("LastName"))
                        .filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" "));
                out.put("Name", name.isEmpty() ? null : name);
                break;
            case "Task":
                out.put("IsClosed", "Completed".equals(out.get("Status")));
                break;
            case "CampaignMember":
                out.put("HasResponded", "Responded".equals(out.get("Status")));
                break;
            default:
                break;
        }
        return out;
    }
}
