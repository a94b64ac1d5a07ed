package io.memberpulse.salesforce.nativeimage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * Test fixture for {@link JsonReflectionRegistrationTest}: the ways this code base hands types to
 * Jackson, some registered and some not, so the test proves the scanner sees each of them.
 */
final class UnregisteredJsonFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ByTypeReference>> LIST = new TypeReference<>() {
    };

    record ByClassLiteral(String name) {
    }

    record ByTypeReference(Nested nested) {
    }

    record Nested(int value) {
    }

    record Written(String name) {
    }

    @RegisterForReflection
    record Registered(String name) {
    }

    static ByClassLiteral read(String json) throws JsonProcessingException {
        return JSON.readValue(json, ByClassLiteral.class);
    }

    static List<ByTypeReference> readList(String json) throws JsonProcessingException {
        return JSON.readValue(json, LIST);
    }

    static String write(Map<String, List<Written>> written) throws JsonProcessingException {
        return JSON.writeValueAsString(written);
    }

    static Registered readRegistered(String json) throws JsonProcessingException {
        return JSON.readValue(json, Registered.class);
    }
}
