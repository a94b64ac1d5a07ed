package io.memberpulse.salesforce.devmode;

import io.memberpulse.salesforce.salesforce.SalesforceConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dev mode only (removed from every other build): starts the project's Salesforce emulator in a
 * child process when {@code memberpulse.salesforce.emulator-url} points at a free local port, so
 * {@code ./mvnw quarkus:dev} works with no Salesforce org. Start-up does not wait for it.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevEmulatorLauncher {

    private final SalesforceConfig config;
    private volatile Process process;

    DevEmulatorLauncher(SalesforceConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        config.emulatorUrl().map(URI::create).ifPresent(this::startIfAbsent);
    }

    void stop(@Observes ShutdownEvent event) {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
    }

    private void startIfAbsent(URI url) {
        int port = url.getPort();
        if (isListening(url.getHost(), port)) {
            Log.infof("Using the Salesforce emulator already listening on %s", url);
            return;
        }
        Path wrapper = Path.of("mvnw").toAbsolutePath();
        if (!Files.isExecutable(wrapper)) {
            Log.warnf("No ./mvnw here: start the emulator yourself (./mvnw -q -Psalesforce-emulator "
                    + "-Demulator.port=%d)", port);
            return;
        }
        try {
            process = new ProcessBuilder(wrapper.toString(), "-q", "-Psalesforce-emulator", "-Demulator.port=" + port)
                    .redirectErrorStream(true)
                    .start();
            Thread relay = new Thread(this::relayOutput, "salesforce-emulator-output");
            relay.setDaemon(true);
            relay.start();
            Log.infof("Starting the Salesforce emulator on %s (client id emulator-client, secret emulator-secret)",
                    url);
        } catch (IOException e) {
            Log.warnf("The Salesforce emulator could not be started: %s", e.getMessage());
        }
    }

    private void relayOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> Log.infof("[emulator] %s", line));
        } catch (IOException e) {
            Log.debugf("Emulator output ended: %s", e.getMessage());
        }
    }

    private static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
