package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cometd.bayeux.Channel;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drain's ordering guarantees without Salesforce: held events wait, and replayed events that
 * arrive after newer live ones are still applied first.
 */
class EventDrainTest {

    static final String CONTACTS = CdcSubscriber.CONTACTS;
    static final String LEADS = CdcSubscriber.LEADS;

    final Vertx vertx = Vertx.vertx();
    final List<Long> applied = new CopyOnWriteArrayList<>();
    final EventDrain drain = new EventDrain("t-1", "replica-a", new RecordingApplier(), 100, new IgnoringOwner(),
            new OnVertx(vertx));

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void afterAHandshakeEventsWaitForEverySubscribeReplyAndTheLongPollInFlight() {
        ResubscribeBarrier barrier = new ResubscribeBarrier(drain);
        long generation = drain.generation();
        barrier.handshook(generation, 2);
        barrier.watchingConnects(generation).sendMeta(null, connect());
        offer(event(CONTACTS, 102));
        barrier.subscribeAnswered(generation);
        // The older, replayed event arrives last (it came in the other HTTP response).
        offer(event(CONTACTS, 101));
        barrier.subscribeAnswered(generation);
        offer(event(CONTACTS, 100));
        assertThat(applied).as("nothing applied while the connect sent before the subscriptions is out").isEmpty();

        barrier.connectAnswered(generation);

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 3);
        assertThat(applied).containsExactly(100L, 101L, 102L);
    }

    @Test
    void withoutALongPollInFlightTheLastSubscribeReplyOpensTheDrain() {
        ResubscribeBarrier barrier = new ResubscribeBarrier(drain);
        barrier.handshook(drain.generation(), 1);
        offer(event(CONTACTS, 7));
        barrier.subscribeAnswered(drain.generation());

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 1);
        assertThat(applied).containsExactly(7L);
    }

    @Test
    void aReplacedConnectionsLateRepliesNeitherOpenNorHoldTheDrainOfTheNewOne() {
        ResubscribeBarrier barrier = new ResubscribeBarrier(drain);
        long replaced = drain.generation();
        barrier.handshook(replaced, 1);
        drain.reset();
        barrier.reset();
        long current = drain.generation();
        barrier.handshook(current, 1);
        barrier.watchingConnects(current).sendMeta(null, connect());
        offer(event(CONTACTS, 9));

        barrier.subscribeAnswered(replaced);
        barrier.connectAnswered(replaced);
        barrier.handshook(replaced, 1);
        assertThat(applied).as("held for the new connection's own subscribe reply and connect").isEmpty();

        barrier.subscribeAnswered(current);
        barrier.connectAnswered(current);

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 1);
        assertThat(applied).containsExactly(9L);
    }

    @Test
    void aChannelCatchingUpHoldsOnlyItsOwnEvents() {
        drain.hold(LEADS);
        offer(event(LEADS, 5));
        offer(event(CONTACTS, 6));

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 1);
        assertThat(applied).containsExactly(6L);
        assertThat(drain.queued()).isEqualTo(1);
        assertThat(drain.oldestQueued(LEADS)).as("where a re-subscription without a replay id resumes").isEqualTo(5L);
        assertThat(drain.oldestQueued(CONTACTS)).isNull();

        drain.release(LEADS);

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 2);
        assertThat(applied).containsExactly(6L, 5L);
    }

    @Test
    void anEventAlreadyAppliedIsNotAppliedAgainWhenReplayed() {
        offer(event(CONTACTS, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 1);

        offer(event(CONTACTS, 1));
        offer(event(CONTACTS, 2));

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 2);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void aBatchCommittingAfterARestartIsNeitherLostNorAppliedTwiceWhenItsEventsAreReplayed() {
        GatedApplier applier = new GatedApplier();
        EventDrain restarted = new EventDrain("t-1", "replica-a", applier, 3, new IgnoringOwner(), new OnVertx(vertx));
        for (long id = 1; id <= 5; id++) {
            restarted.offer(event(CONTACTS, id), restarted.generation());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> applier.started.size() == 1);

        // A 401 restart while [1, 2, 3] is in flight: the new subscription replays from the last applied id (none).
        restarted.reset();
        for (long id = 1; id <= 7; id++) {
            restarted.offer(event(CONTACTS, id), restarted.generation());
        }
        applier.firstBatch.complete(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> applier.committed.size() >= 7 && restarted.isIdle());
        assertThat(applier.committed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aLateEventOfAConnectionARestartReplacedIsNotQueued() {
        long replaced = drain.generation();
        drain.hold();
        for (long id = 1; id <= 3; id++) {
            drain.offer(event(CONTACTS, id), replaced);
        }

        // The 401 restart resets the drain while a CometD thread still hands over an old event.
        drain.reset();
        drain.offer(event(CONTACTS, 12_930), replaced);
        for (long id = 1; id <= 3; id++) {
            offer(event(CONTACTS, id));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.size() >= 3 && drain.isIdle());
        assertThat(applied).as("the new connection's replay, and not the late event that would skip it")
                .containsExactly(1L, 2L, 3L);
    }

    private void offer(StreamEvent event) {
        drain.offer(event, drain.generation());
    }

    private static StreamEvent event(String channel, long replayId) {
        return new StreamEvent(channel, replayId, StreamEvent.Type.CHANGE, "Contact", List.of("003000000000001"),
                null, Instant.now());
    }

    private static HashMapMessage connect() {
        HashMapMessage message = new HashMapMessage();
        message.setChannel(Channel.META_CONNECT);
        return message;
    }

    /** Applies nothing: records the replay ids of each batch in the order they would be applied. */
    private final class RecordingApplier extends StreamApplier {
        RecordingApplier() {
            super(null, null, null, null, null);
        }

        @Override
        Uni<Void> applyBatch(String tenantId, String holder, List<StreamEvent> batch) {
            batch.forEach(event -> applied.add(event.replayId()));
            return Uni.createFrom().voidItem();
        }
    }

    /** Holds the first batch's commit until told; records the replay ids of each batch when it commits. */
    private static final class GatedApplier extends StreamApplier {
        final CompletableFuture<Void> firstBatch = new CompletableFuture<>();
        final List<List<Long>> started = new CopyOnWriteArrayList<>();
        final List<Long> committed = new CopyOnWriteArrayList<>();

        GatedApplier() {
            super(null, null, null, null, null);
        }

        @Override
        Uni<Void> applyBatch(String tenantId, String holder, List<StreamEvent> batch) {
            List<Long> ids = batch.stream().map(StreamEvent::replayId).toList();
            started.add(ids);
            Uni<Void> commit = started.size() == 1 ? Uni.createFrom().completionStage(firstBatch)
                    : Uni.createFrom().voidItem();
            return commit.invoke(() -> committed.addAll(ids));
        }
    }

    private static final class IgnoringOwner implements EventDrain.Owner {
        @Override
        public void applied(StreamEvent event) {
        }

        @Override
        public void leaseLost() {
        }

        @Override
        public void retryLater(Runnable retry) {
        }
    }
}
