package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.EventStore;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CometD subscriber against the emulator: order, positions, and every error path of reference §4.6. */
@QuarkusTest
@TestProfile(CdcTestProfile.class)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
class CdcSubscriberTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriberParts parts;

    @Inject
    MeterRegistry metrics;

    @Inject
    ReconciliationService reconciliation;

    CdcTenant tenant;

    @BeforeEach
    void streamingTenant() {
        // Connects answer every second, so the silence watchdog (4 s in the test profile) stays quiet.
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        emulator.faults().clear();
        tenant = new CdcTenant(emulator, database, 1).awaitSubscribed();
    }

    @AfterEach
    void stopStreaming() {
        tenant.autoSyncOff();
        subscriptions.resume();
    }

    @Test
    void userChangesReachMemberPulseInOrderAndTheReplayIdIsStoredWithThem() {
        String contact = tenant.contacts.get(0);
        for (String name : List.of("One", "Two", "Three")) {
            tenant.org.userUpdate("Contact", contact, Map.of("LastName", name));
        }

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).size() == 3);
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsExactly("One", "Two", "Three");
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
    }

    @Test
    void theServicesOwnWritesDoNotComeBack() {
        String contact = tenant.contacts.get(0);
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Echo"),
                "com/salesforce/api/rest/62.0;client=memberpulse-test");
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Person"));

        await().atMost(WAIT).until(() -> !tenant.deliveredLastNames(tenant.tenant.member(0)).isEmpty());
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsExactly("Person");
    }

    @Test
    void ownWritesWhoseValuesComeAsADiffAreReadBackAsEchoesAndDoNotComeBack() {
        String contact = tenant.contacts.get(0);
        double echoes = metrics.counter("memberpulse.inbound.echoes.dropped", "source", "CDC").count();
        tenant.org.userUpdate("Contact", contact, Map.of("Description", "A short note"));
        // Our write changes a large text field too: CometD carries it as a diff, so the record must be read.
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Echo", "Description", "Long ".repeat(300)),
                "com/salesforce/api/rest/62.0;client=memberpulse-test");
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Person"));

        await().atMost(WAIT).until(() -> !tenant.deliveredLastNames(tenant.tenant.member(0)).isEmpty());
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsExactly("Person");
        assertThat(metrics.counter("memberpulse.inbound.echoes.dropped", "source", "CDC").count())
                .isGreaterThan(echoes);
    }

    @Test
    void aUsersChangeWhoseValuesComeAsADiffIsReadFromTheOrg() {
        String contact = tenant.contacts.get(0);
        tenant.org.userUpdate("Contact", contact, Map.of("Description", "A short note"));
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Diffed", "Description", "Long ".repeat(300)));

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("Diffed"));
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsExactly("Diffed");
    }

    @Test
    void anInvalidSessionGetsANewTokenAndANewHandshake() {
        int tokens = emulator.oauth().tokenRequests(tenant.org.orgId());
        double reconnects = reconnects("connect-401") + reconnects("handshake-401");
        emulator.faults().expireAllSessions();

        await().atMost(WAIT).until(() -> reconnects("connect-401") + reconnects("handshake-401") > reconnects);
        tenant.org.userUpdate("Contact", tenant.contacts.get(0), Map.of("LastName", "AfterExpiry"));

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("AfterExpiry"));
        assertThat(emulator.oauth().tokenRequests(tenant.org.orgId())).isGreaterThan(tokens);
    }

    @Test
    void anUnknownClientHandshakesAgainAndResubscribesWithoutLosingEvents() {
        double before = reconnects("unknown-client");
        emulator.faults().dropCometdClients();
        tenant.org.userUpdate("Contact", tenant.contacts.get(0), Map.of("LastName", "WhileDropped"));

        await().atMost(WAIT).until(() -> reconnects("unknown-client") > before);
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("WhileDropped"));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsOnlyOnce("WhileDropped");
    }

    @Test
    void aServerDisconnectReconnectsWithBackoffAndResumesFromTheStoredReplayId() {
        double before = reconnects("server-disconnect");
        emulator.streaming().disconnectAllClients();
        tenant.org.userUpdate("Contact", tenant.contacts.get(0), Map.of("LastName", "AfterDisconnect"));

        await().atMost(WAIT).until(() -> reconnects("server-disconnect") > before);
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("AfterDisconnect"));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsOnlyOnce("AfterDisconnect");
    }

    @Test
    void aSilentSubscriptionIsRestartedByTheWatchdog() {
        double before = reconnects("silent");
        // The server now holds connects for 30 s: longer than the 4 s the test profile tolerates.
        emulator.streaming().setTimeouts(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(40));

        await().atMost(WAIT).until(() -> reconnects("silent") > before);
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        tenant.org.userUpdate("Contact", tenant.contacts.get(0), Map.of("LastName", "AfterSilence"));
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("AfterSilence"));
    }

    @Test
    void aRejectedReplayIdIsCaughtUpBySoqlAndNothingIsSkipped() {
        String contact = tenant.contacts.get(0);
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Applied"));
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("Applied"));
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));

        subscriptions.halt(true).await().atMost(WAIT);
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "WhileAway"));
        tenant.org.events().expireAll();
        double before = reconnects("replay-invalid");
        subscriptions.resume();

        await().atMost(WAIT).until(() -> reconnects("replay-invalid") > before);
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("WhileAway"));
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "LiveAgain"));
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("LiveAgain"));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsExactly("Applied", "WhileAway",
                "LiveAgain");
    }

    /**
     * A wake-up reconciles while the stream is still to resume: it must not deliver the record's
     * current value before the stream's older changes (they would then look stale), so it stops at
     * the stream's position and the resumed stream delivers every change in order.
     */
    @Test
    void aReconciliationLeavesWhatTheStreamHasNotAppliedToTheStream() throws Throwable {
        String contact = tenant.contacts.get(0);
        String member = tenant.tenant.member(0);
        tenant.org.userUpdate("Contact", contact, Map.of("LastName", "Streamed"));
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(member).contains("Streamed"));
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
        subscriptions.halt(true).await().atMost(WAIT);
        for (String name : List.of("One", "Two", "Three")) {
            tenant.org.userUpdate("Contact", contact, Map.of("LastName", name));
        }

        ReconciliationService.Findings found = VertxContextSupport.subscribeAndAwait(
                () -> reconciliation.reconcile(tenant.id()));

        assertThat(found.ran()).isTrue();
        assertThat(found.applied()).as("nothing past the stream's position").isZero();
        subscriptions.resume();
        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(member).contains("Three"));
        assertThat(tenant.deliveredLastNames(member)).containsExactly("Streamed", "One", "Two", "Three");
    }

    @Test
    void aGapEventReadsTheNamedRecordsFromTheOrg() {
        String contact = tenant.contacts.get(0);
        tenant.org.directUpdate("Contact", contact, Map.of("LastName", "Archived"));
        emulator.publishGap(tenant.org, "Contact", "GAP_UPDATE", contact);

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("Archived"));
        await().atMost(WAIT).until(() -> lastReplayIdOf(contact).equals(tenant.position(CdcSubscriber.CONTACTS)));
    }

    @Test
    void anOverflowCatchesTheObjectUp() {
        String contact = tenant.contacts.get(0);
        tenant.org.directUpdate("Contact", contact, Map.of("LastName", "Bulk"));
        emulator.publishOverflow(tenant.org, "Contact");

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("Bulk"));
        long overflowId = tenant.org.events().lastReplayId();
        await().atMost(WAIT).until(() -> Long.valueOf(overflowId).equals(tenant.position(CdcSubscriber.CONTACTS)));
    }

    @Test
    void aSecondReplicaCannotSubscribeAndTakesOverWhenTheHolderDies() {
        Replica second = new Replica("second-replica", parts);
        second.tick().await().atMost(WAIT);
        assertThat(second.tenants()).doesNotContain(tenant.id());

        subscriptions.halt(false).await().atMost(WAIT);
        long died = System.nanoTime();
        tenant.org.userUpdate("Contact", tenant.contacts.get(0), Map.of("LastName", "DuringTakeover"));
        // The dead holder's row expires after 3 s (test profile); the second replica ticks until it holds it.
        await().atMost(WAIT).until(() -> tickHolds(second));
        assertThat(Duration.ofNanos(System.nanoTime() - died)).isLessThan(Duration.ofSeconds(30));

        await().atMost(WAIT).until(() -> tenant.deliveredLastNames(tenant.tenant.member(0)).contains("DuringTakeover"));
        assertThat(tenant.deliveredLastNames(tenant.tenant.member(0))).containsOnlyOnce("DuringTakeover");
        second.stopAll().await().atMost(WAIT);
    }

    private boolean tickHolds(Replica replica) {
        replica.tick().await().atMost(WAIT);
        return replica.tenants().contains(tenant.id());
    }

    private double reconnects(String reason) {
        var counter = metrics.find("memberpulse.inbound.reconnects").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The replay id of the last retained event naming the record. */
    @SuppressWarnings("unchecked")
    private Long lastReplayIdOf(String recordId) {
        long last = -1;
        for (EventStore.RetainedEvent event : tenant.org.events().all()) {
            Map<String, Object> payload = (Map<String, Object>) event.data().get("payload");
            Map<String, Object> header = (Map<String, Object>) payload.get("ChangeEventHeader");
            if (header != null && ((List<String>) header.get("recordIds")).contains(recordId)) {
                last = Math.max(last, event.replayId());
            }
        }
        return last;
    }
}
