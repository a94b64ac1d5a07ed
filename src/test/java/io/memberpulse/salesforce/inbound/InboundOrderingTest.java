package io.memberpulse.salesforce.inbound;

import static io.memberpulse.salesforce.support.InboundChanges.apply;
import static io.memberpulse.salesforce.support.InboundChanges.update;
import static io.memberpulse.salesforce.support.InboundChanges.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.support.WebhookReceiverResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sources that read a record before applying it (catch-up, reconciliation, gap fetch, Outbound
 * Message) race the CDC stream: an older state never overtakes a newer one, applies of one record run
 * one after the other, and a Contact linked to no member is offered once per change.
 */
@QuarkusTest
@QuarkusTestResource(WebhookReceiverResource.class)
class InboundOrderingTest extends InboundApplierTestSupport {

    private static final String MAPPING = "[{\"memberPulseField\":\"phone\",\"salesforceField\":\"Phone\","
            + "\"rule\":\"FROM_SALESFORCE\"},{\"memberPulseField\":\"email\",\"salesforceField\":\"Email\","
            + "\"rule\":\"FROM_SALESFORCE\"}]";

    ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRecordReadBeforeANewerChangeWasAppliedDoesNotOvertakeIt() throws Exception {
        rows.settings(MAPPING, false);
        rows.link("m1", C1, "{}", "{}");
        double before = stale("RECONCILIATION");

        // CDC applies the change committed at 10:00:05.300; reconciliation had read the record at 10:00:02.
        apply(applier, tenantId, List.of(update(C1, T0.plusMillis(5300), "Phone", "2")));
        InboundApplier.ApplyResult late = apply(applier, tenantId, List.of(read(ChangeSource.RECONCILIATION,
                T0.plusSeconds(2), "Phone", "1", "Email", "a@example.com")));

        assertThat(late.staleDropped()).isEqualTo(1);
        assertThat(late.delivered()).isZero();
        assertThat(stale("RECONCILIATION")).isEqualTo(before + 1);
        assertThat(phones()).containsExactly("2");
        assertThat(rows.query("select (extract(epoch from changed_at) * 1000)::bigint::text as at from "
                + "inbound_record where tenant_id = ? and salesforce_id = ?", tenantId, C1)).singleElement()
                .satisfies(row -> assertThat(Long.parseLong(row.get("at"))).isEqualTo(T0.plusMillis(5300).toEpochMilli()));
    }

    @Test
    void withinOneSecondTheValuesDecide() throws Exception {
        rows.settings(MAPPING, false);
        rows.link("m1", C1, "{}", "{}");

        apply(applier, tenantId, List.of(update(C1, T0.plusMillis(5300), "Phone", "2")));
        // SystemModstamp has whole seconds: 10:00:05 is the same second as the commit at 10:00:05.300.
        InboundApplier.ApplyResult same = apply(applier, tenantId, List.of(read(ChangeSource.CATCH_UP,
                T0.plusSeconds(5), "Phone", "2")));
        InboundApplier.ApplyResult newer = apply(applier, tenantId, List.of(read(ChangeSource.OUTBOUND_MESSAGE,
                T0.plusSeconds(5), "Phone", "3")));

        assertThat(same.staleDropped()).isZero();
        assertThat(same.unchangedDropped()).as("the same state, read back").isEqualTo(1);
        assertThat(newer.staleDropped()).as("a genuinely new change in the same second is not dropped").isZero();
        assertThat(phones()).containsExactly("2", "3");
    }

    @Test
    void twoAppliesOfOneRecordRunOneAfterTheOther() throws Exception {
        rows.settings(MAPPING, true);
        CompletableFuture<Void> applied = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();

        // The stream's transaction has applied the change and not committed yet...
        Future<InboundApplier.ApplyResult> stream = threads.submit(() -> inTransaction(() -> applier.apply(tenantId,
                List.of(update(C1, T0.plusSeconds(7), "Phone", "7")))
                .invoke(() -> applied.complete(null))
                .call(() -> released(release))));
        applied.get(20, TimeUnit.SECONDS);
        // ...when reconciliation applies the state it read earlier: it must wait for the stream.
        Future<InboundApplier.ApplyResult> reconciliation = threads.submit(() -> inTransaction(() -> applier.apply(
                tenantId, List.of(read(ChangeSource.RECONCILIATION, T0.plusSeconds(3), "Phone", "3")))));
        await().atMost(Duration.ofSeconds(20)).until(this::anApplyWaitsForALock);
        assertThat(reconciliation.isDone()).isFalse();

        release.complete(null);
        assertThat(stream.get(20, TimeUnit.SECONDS).delivered()).isEqualTo(1);
        assertThat(reconciliation.get(20, TimeUnit.SECONDS).staleDropped()).isEqualTo(1);
        assertThat(rows.deliveries()).singleElement()
                .satisfies(row -> assertThat(row.get("change_type")).isEqualTo("member.unlinked_contact"));
        assertThat(phones()).containsExactly("7");
    }

    @Test
    void anUnlinkedContactIsOfferedOncePerChangeWhateverSourcesSeeIt() throws Exception {
        rows.settings(MAPPING, true);

        apply(applier, tenantId, List.of(update(C1, T0.plusMillis(9400), "Phone", "9")));
        apply(applier, tenantId, List.of(read(ChangeSource.RECONCILIATION, T0.plusSeconds(9), "Phone", "9",
                "Email", "x@example.com")));
        apply(applier, tenantId, List.of(read(ChangeSource.OUTBOUND_MESSAGE, T0.plusSeconds(9), "Phone", "9",
                "Email", "x@example.com")));
        apply(applier, tenantId, List.of(read(ChangeSource.CATCH_UP, T0.plusSeconds(9), "Phone", "9",
                "Email", "x@example.com")));
        assertThat(rows.deliveries()).as("one Contact change, seen by four sources").hasSize(1);
        assertThat(rows.syncLog()).filteredOn(line -> line.get("operation").equals("INBOUND_CHANGE")).hasSize(1);

        apply(applier, tenantId, List.of(read(ChangeSource.RECONCILIATION, T0.plusSeconds(12), "Phone", "12",
                "Email", "x@example.com")));
        apply(applier, tenantId, List.of(update(C1, T0.plusMillis(12200), "Phone", "12")));
        assertThat(phones()).as("the next change, offered once too").containsExactly("9", "12");
        assertThat(rows.deliveries()).extracting(row -> row.get("change_type"))
                .containsOnly("member.unlinked_contact");
    }

    /** Completes when the test releases it, back on the transaction's Vert.x context. */
    private static Uni<Void> released(CompletableFuture<Void> release) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(release)
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static <T> T inTransaction(java.util.function.Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record read back by a source that reads whole records, stamped {@code systemModstamp}. */
    private static SalesforceChange read(ChangeSource source, Instant systemModstamp, Object... fieldsAndValues) {
        ObjectNode values = values(fieldsAndValues);
        return new SalesforceChange("Contact", ChangeKind.UPDATE, List.of(C1), values, true, systemModstamp, null,
                null, source, source + "-" + systemModstamp);
    }

    private List<String> phones() {
        return rows.deliveries().stream()
                .map(row -> json(row.get("body")).path("fields").path("phone").asText(null))
                .filter(phone -> phone != null)
                .toList();
    }

    private boolean anApplyWaitsForALock() {
        return !rows.query("select 1 from pg_stat_activity where datname = current_database() and "
                + "wait_event_type = 'Lock' and query like '%inbound_record%'").isEmpty();
    }

    private double stale(String source) {
        return dropped("stale", source);
    }
}
