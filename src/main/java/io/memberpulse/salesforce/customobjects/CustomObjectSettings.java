package io.memberpulse.salesforce.customobjects;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Optional;

/** A tenant's custom object mappings, at most one per record type; the default has none. */
// Read from and written to its stored JSON document by the ObjectMapper: native needs it registered.
@RegisterForReflection
public record CustomObjectSettings(List<CustomObjectMapping> mappings) {

    public CustomObjectSettings {
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }

    static CustomObjectSettings defaults() {
        return new CustomObjectSettings(List.of());
    }

    Optional<CustomObjectMapping> of(RecordType type) {
        return mappings.stream().filter(m -> m.recordType().equals(type.json())).findFirst();
    }
}
