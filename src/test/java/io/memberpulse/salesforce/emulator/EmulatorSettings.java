package io.memberpulse.salesforce.emulator;

import java.time.Duration;

/**
 * Start-up settings.
 *
 * @param cometdHold how long a {@code /meta/connect} is held (Salesforce: 110 s, reference §4.5)
 * @param cometdInterval the {@code advice.interval} clients wait between connects
 * @param cometdMaxInterval how long the server keeps a client that does not reconnect (Salesforce: 40 s)
 */
public record EmulatorSettings(Duration cometdHold, Duration cometdInterval, Duration cometdMaxInterval) {

    /** Salesforce's documented timeouts, interval 0 so tests are not slowed down. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(Duration.ofSeconds(110), Duration.ZERO, Duration.ofSeconds(40));
    }

    public EmulatorSettings withCometdHold(Duration hold) {
        return new EmulatorSettings(hold, cometdInterval, cometdMaxInterval);
    }

    public EmulatorSettings withCometdMaxInterval(Duration maxInterval) {
        return new EmulatorSettings(cometdHold, cometdInterval, maxInterval);
    }
}
