package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replay ids commit together with the effect of their events, or not at all. */
@QuarkusTest
class InboundPositionsTest extends InboundApplierTestSupport {

    private static final String CHANNEL = "/data/ContactChangeEvent";
    private static final Instant COMMIT = Instant.parse("2026-11-01T10:00:00.123Z");

    @Inject
    InboundPositions positions;

    @BeforeEach
    void linkedMember() {
        rows.link("m1", "003000000000001AAA", "{}", "{}");
    }

    @Test
    void aReplayIdIsStoredWithItsEffectAndFoundPerChannel() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applier.apply(tenantId,
                List.of(update("003000000000001AAA", COMMIT, "Phone", "1")))
                .chain(() -> positions.store(tenantId, CHANNEL, 41, COMMIT))
                .chain(() -> positions.store(tenantId, CHANNEL, 42, null))));

        Map<String, InboundPositions.Position> found = VertxContextSupport.subscribeAndAwait(
                () -> positions.find(tenantId));
        assertThat(found).containsOnlyKeys(CHANNEL);
        assertThat(found.get(CHANNEL).replayId()).isEqualTo(42);
        assertThat(found.get(CHANNEL).lastCommitAt()).as("an unknown commit time keeps the last known")
                .isEqualTo(COMMIT);
        assertThat(rows.deliveries()).hasSize(1);
    }

    @Test
    void aFailedTransactionStoresNeitherTheEffectNorTheReplayId() throws Throwable {
        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> applier.apply(tenantId, List.of(update("003000000000001AAA", COMMIT, "Phone", "2")))
                        .chain(() -> positions.store(tenantId, CHANNEL, 7, COMMIT))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("crash after the store"))))));

        assertThat(failure).hasMessageContaining("crash after the store");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> positions.find(tenantId))).isEmpty();
        assertThat(rows.deliveries()).isEmpty();
        assertThat(rows.link("m1").get("last_written")).isEqualTo("{}");
    }

    @Test
    void storingOutsideATransactionIsRefused() {
        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> positions.store(tenantId, CHANNEL, 9, COMMIT))));

        assertThat(failure).hasMessageContaining("inside the caller's transaction");
    }
}
