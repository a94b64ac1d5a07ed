package io.memberpulse.salesforce.emulator;

/**
 * Runs the emulator in the foreground for people trying the service:
 * {@code ./mvnw -q -Psalesforce-emulator -Demulator.port=8089}. Test-scope tool, not production code.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getProperty("emulator.port", args.length > 0 ? args[0] : "8089"));
        SalesforceEmulator emulator = SalesforceEmulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop));
        EmulatedOrg org = emulator.defaultOrg();
        System.out.println("Salesforce emulator listening on " + emulator.port() + " (" + emulator.baseUrl()
                + "): org " + org.orgId() + ", client_id " + org.clientId() + ", client_secret " + org.clientSecret()
                + ", API versions 50.0-62.0");
        Thread.currentThread().join();
    }
}
