package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected on demand. All settings apply to API calls (REST, OAuth token, CometD as
 * stated per method) until {@link #clear()}.
 */
public final class Faults {

    /** How an outage shows: refused connections (the port closes) or 503 on every request. */
    public enum OutageMode { CONNECTION_REFUSED, HTTP_503 }

    private final SalesforceEmulator emulator;
    private volatile long latencyMillis;
    private final AtomicInteger unavailableCalls = new AtomicInteger();
    private volatile double lockRowShare;
    private volatile Random random = new Random(42);
    private final AtomicInteger callsBeforeLimit = new AtomicInteger(-1);
    private volatile Instant outageUntil = Instant.MIN;

    Faults(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    /** Adds this delay to every REST and OAuth call. */
    public Faults latency(Duration delay) {
        this.latencyMillis = delay.toMillis();
        return this;
    }

    /** The next {@code calls} REST calls answer 503 SERVER_UNAVAILABLE. */
    public Faults serverUnavailableForNext(int calls) {
        unavailableCalls.set(calls);
        return this;
    }

    /** This share (0..1) of record saves in REST writes, collections and upserts fail with UNABLE_TO_LOCK_ROW. */
    public Faults unableToLockRow(double share) {
        this.lockRowShare = share;
        return this;
    }

    /** Reseeds the random source of share-based faults, for deterministic runs. */
    public Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Every current access token becomes invalid (REST 401, CometD 401::Authentication invalid). */
    public Faults expireAllSessions() {
        emulator.tokens().expireAllAccessTokens();
        return this;
    }

    /** After {@code calls} more successful REST calls, every org's calls get 403 REQUEST_LIMIT_EXCEEDED. */
    public Faults requestLimitExceededAfter(int calls) {
        callsBeforeLimit.set(calls);
        return this;
    }

    /** The CometD server forgets every client: next connect gets {@code 403::Unknown client}. */
    public Faults dropCometdClients() {
        emulator.streaming().dropAllClients();
        return this;
    }

    /** A full outage for the given time. */
    public Faults outage(Duration duration, OutageMode mode) {
        outageUntil = Instant.now().plus(duration);
        if (mode == OutageMode.CONNECTION_REFUSED) {
            emulator.refuseConnectionsFor(duration);
        }
        return this;
    }

    public void clear() {
        latencyMillis = 0;
        unavailableCalls.set(0);
        lockRowShare = 0;
        random = new Random(42);
        callsBeforeLimit.set(-1);
        outageUntil = Instant.MIN;
    }

    void applyLatency() {
        long delay = latencyMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean inOutage() {
        return Instant.now().isBefore(outageUntil);
    }

    /** Consumes one "503 next" slot if any is left. */
    boolean takeUnavailable() {
        return unavailableCalls.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** True when the fault budget says this call is over the limit. */
    boolean limitTripped() {
        int left = callsBeforeLimit.getAndUpdate(n -> n > 0 ? n - 1 : n);
        return left == 0;
    }

    boolean lockRowFails() {
        double share = lockRowShare;
        if (share <= 0) {
            return false;
        }
        synchronized (this) {
            return random.nextDouble() < share;
        }
    }
}
