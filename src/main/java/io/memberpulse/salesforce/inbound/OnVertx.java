package io.memberpulse.salesforce.inbound;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts reactive work on a new, safe duplicated Vert.x context from any thread: CometD's Jetty
 * threads, timers, or an event loop already busy with another chain. Each run gets its own
 * context, so its Hibernate Reactive session is its own (what {@code VertxContextSupport} does,
 * which refuses to start from an event loop).
 */
@Singleton
class OnVertx {

    private final Vertx vertx;

    OnVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    void run(Supplier<Uni<?>> work, Consumer<Throwable> onFailure, Runnable onDone) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(item -> onDone.run(), onFailure));
    }

    /** Runs {@code task} after {@code delayMillis} on an event loop. */
    void later(long delayMillis, Runnable task) {
        vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
    }
}
