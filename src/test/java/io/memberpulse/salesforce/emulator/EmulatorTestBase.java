package io.memberpulse.salesforce.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator per contract-test class, reset before each test, with a client logged in to the
 * default org.
 */
abstract class EmulatorTestBase {

    static SalesforceEmulator emulator;
    EmulatorHttp http;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @BeforeEach
    void resetAndLogIn() {
        emulator.reset();
        http = new EmulatorHttp(emulator.baseUrl()).login("emulator-client", "emulator-secret");
    }
}
