package io.memberpulse.salesforce.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Quarkus test resource starts one emulator, hands out its URL and injects it. */
class EmulatorTestResourceTest {

    @InjectSalesforceEmulator
    SalesforceEmulator injected;

    @Test
    void providesConfigAndInjectsTheEmulator() {
        SalesforceEmulatorTestResource resource = new SalesforceEmulatorTestResource();
        Map<String, String> config = resource.start();
        try {
            SalesforceEmulator emulator = SalesforceEmulatorTestResource.emulator();
            assertThat(config).containsEntry("memberpulse.salesforce.emulator-url", emulator.baseUrl())
                    .containsEntry("salesforce.login-url", emulator.baseUrl());
            resource.inject((TestInjector) (instance, predicate) -> {
                for (java.lang.reflect.Field f : getClass().getDeclaredFields()) {
                    if (predicate.test(f)) {
                        injected = (SalesforceEmulator) instance;
                    }
                }
            });
            assertThat(injected).isSameAs(emulator);
            assertThat(new EmulatorHttp(emulator.baseUrl()).login("emulator-client", "emulator-secret")
                    .get(EmulatorHttp.V + "/limits").statusCode()).isEqualTo(200);
        } finally {
            resource.stop();
        }
        assertThat(SalesforceEmulatorTestResource.emulator()).isNull();
    }
}
