package io.memberpulse.salesforce.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.problem.ProblemType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Native readiness: in a native image Jackson can only build and read the classes registered for
 * reflection. Quarkus registers the types of REST resource and REST client signatures itself; every
 * other type handed to an ObjectMapper (jsonb columns, stored settings) must carry
 * {@code @RegisterForReflection} or be a {@code targets} entry of one. This test reads the compiled
 * classes and fails, naming the type and the method, when one is not.
 */
class JsonReflectionRegistrationTest {

    private static final String FIXTURE = "io/memberpulse/salesforce/nativeimage/UnregisteredJsonFixture";

    @Test
    void everyApplicationTypeHandedToJacksonIsRegisteredForReflection() throws URISyntaxException {
        JsonTypeScanner scanner = JsonTypeScanner.of(classesOf(ProblemType.class));
        Map<String, Set<String>> found = scanner.jsonTypes();
        Registrations registrations = new Registrations(scanner.classes().values());

        // The scanner must see the known use, or a passing result would mean nothing.
        assertThat(found).containsKey("io/memberpulse/salesforce/mapping/StoredFieldMappings$Row");
        assertThat(unregistered(found, registrations))
                .as("types (de)serialized with an ObjectMapper but not registered for reflection, "
                        + "with where they are used: add @RegisterForReflection (see README, Native)")
                .isEmpty();
    }

    @Test
    void theScannerFindsClassLiteralsTypeReferencesGenericLocalsAndNestedComponents() throws URISyntaxException {
        JsonTypeScanner scanner = JsonTypeScanner.of(classesOf(UnregisteredJsonFixture.class));
        Map<String, Set<String>> found = scanner.jsonTypes();
        Registrations registrations = new Registrations(scanner.classes().values());

        assertThat(unregistered(found, registrations).keySet()).contains(
                FIXTURE + "$ByClassLiteral", FIXTURE + "$ByTypeReference", FIXTURE + "$Nested",
                FIXTURE + "$Written");
        assertThat(found).containsKey(FIXTURE + "$Registered");
        assertThat(registrations.registers(FIXTURE + "$Registered")).isTrue();
    }

    private static Map<String, Set<String>> unregistered(Map<String, Set<String>> found,
            Registrations registrations) {
        Map<String, Set<String>> missing = new TreeMap<>();
        found.forEach((type, uses) -> {
            if (!registrations.registers(type)) {
                missing.put(type, uses);
            }
        });
        return missing;
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
