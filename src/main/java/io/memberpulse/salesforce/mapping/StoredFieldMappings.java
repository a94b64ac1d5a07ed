package io.memberpulse.salesforce.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code field_mappings} column: {@code [{"memberPulseField":"email","salesforceField":"Email",
 * "rule":"TWO_WAY"}, ...]}. Reading ignores properties it does not know, so a replica running an
 * older version still reads what a newer one wrote.
 */
@ApplicationScoped
class StoredFieldMappings {

    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final ObjectReader lenient;

    StoredFieldMappings(ObjectMapper json) {
        this.json = json;
        this.lenient = json.readerFor(ROWS).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One stored mapping; enum names as in the database comment of V4. */
    @RegisterForReflection
    record Row(String memberPulseField, String salesforceField, String rule) {
    }

    String write(List<FieldMapping> fields) {
        List<Row> rows = fields.stream()
                .map(field -> new Row(field.memberPulseField().json(), field.salesforceField(), field.rule().name()))
                .collect(Collectors.toList());
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Field mappings cannot be written as JSON", e);
        }
    }

    List<FieldMapping> read(String stored) {
        try {
            List<Row> rows = lenient.readValue(stored);
            return rows.stream()
                    .map(row -> new FieldMapping(MemberField.ofJson(row.memberPulseField()), row.salesforceField(),
                            FieldRule.valueOf(row.rule())))
                    .collect(Collectors.toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored field mappings are not valid JSON", e);
        }
    }
}
