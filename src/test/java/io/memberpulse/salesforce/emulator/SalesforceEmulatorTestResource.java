package io.memberpulse.salesforce.emulator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one emulator for a {@code @QuarkusTest} run:
 * {@code @QuarkusTestResource(SalesforceEmulatorTestResource.class)} (or {@code @WithTestResource}).
 * Provides {@code memberpulse.salesforce.emulator-url} and {@code salesforce.login-url} (both the
 * base URL) and injects fields annotated {@link InjectSalesforceEmulator}.
 */
public class SalesforceEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** Config key: the emulator's base URL (My Domain / instance URL of every org). */
    public static final String EMULATOR_URL = "memberpulse.salesforce.emulator-url";
    /** Config key: the login URL the service requests tokens from. */
    public static final String LOGIN_URL = "salesforce.login-url";

    private static volatile SalesforceEmulator current;

    /** The emulator of the running test resource (null when none runs). */
    public static SalesforceEmulator emulator() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = SalesforceEmulator.start(0);
        return Map.of(EMULATOR_URL, current.baseUrl(), LOGIN_URL, current.baseUrl());
    }

    @Override
    public void stop() {
        SalesforceEmulator emulator = current;
        current = null;
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(current,
                new TestInjector.AnnotatedAndMatchesType(InjectSalesforceEmulator.class, SalesforceEmulator.class));
    }
}
