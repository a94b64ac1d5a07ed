package io.memberpulse.salesforce.outbound;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import sun.misc.Signal;

/**
 * Turns SIGTERM into an orderly exit with status 0. The JVM's own handler exits with 143, which
 * Kubernetes reports as an error; after a graceful drain ({@link GracefulShutdown}) the pod
 * completed its work. The shutdown itself is Quarkus's usual one (HTTP drain, ShutdownEvent).
 * Only in the packaged app (not dev mode or tests), and not when {@code DISABLE_SIGNAL_HANDLERS}
 * is set, the switch Quarkus honours for its own handlers.
 */
@ApplicationScoped
class TermSignal {

    void install(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && System.getenv("DISABLE_SIGNAL_HANDLERS") == null) {
            Signal.handle(new Signal("TERM"), signal -> Quarkus.asyncExit(0));
        }
    }
}
