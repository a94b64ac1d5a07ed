package io.memberpulse.salesforce.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.emulator.InjectSalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulator;
import io.memberpulse.salesforce.emulator.SalesforceEmulatorTestResource;
import io.memberpulse.salesforce.emulator.StoredRecord;
import io.memberpulse.salesforce.inbound.CdcTestProfile;
import io.memberpulse.salesforce.support.ConnectedTenant;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.MemberEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default picklist baseline (OBSERVED) on a tenant that streams Contact change events: values an
 * admin adds in Salesforce reach the baseline through CDC, so the next tag change keeps them without
 * reading the field; whenever the baseline may be stale, the field is read first.
 */
@QuarkusTest
@TestProfile(CdcTestProfile.class)
@QuarkusTestResource(value = SalesforceEmulatorTestResource.class, restrictToAnnotatedClass = true)
class TagBaselineStreamingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FIELD = "MemberPulse_Tags__c";

    @InjectSalesforceEmulator
    SalesforceEmulator emulator;

    @Inject
    AgroalDataSource database;

    ConnectedTenant tenant;
    InboundRows rows;
    MemberEvents events;

    @BeforeEach
    void streamingTenant() {
        emulator.streaming().setTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(40));
        emulator.faults().clear();
        tenant = new ConnectedTenant(emulator, database, true);
        rows = new InboundRows(database, tenant.id);
        events = new MemberEvents(database, tenant.id);
        rows.query("update salesforce_connection set state = 'CONNECTED', org_id = ?, instance_url = ?, "
                + "state_changed_at = now() where tenant_id = ? returning tenant_id", emulator.defaultOrg().orgId(),
                emulator.baseUrl(), tenant.id);
        await().atMost(WAIT).until(this::streaming);
    }

    @AfterEach
    void stopStreaming() {
        emulator.clock().reset();
        rows.query("update salesforce_connection set auto_sync = false where tenant_id = ? returning tenant_id",
                tenant.id);
    }

    @Test
    void aValueAddedInSalesforceAfterOurWriteSurvivesTheNextTagChangeWithoutARead() {
        String member = tenant.member(1);
        StoredRecord contact = writtenActive(member);

        // The admin edits a little later (Salesforce's clock moves on): the change event is clearly newer.
        emulator.clock().advance(Duration.ofSeconds(10));
        emulator.defaultOrg().userUpdate("Contact", contact.id(), Map.of(FIELD, "member-active;VIP"));
        await().atMost(WAIT).until(() -> baseline(member).contains("VIP"));
        emulator.callLog().reset();

        events.store("membership.status_changed", member, "{\"status\":\"expired\"}", Instant.now());
        awaitQuiet();

        assertThat(tags(tenant.contact(member))).containsExactlyInAnyOrder("VIP", "member-expired");
        assertThat(emulator.callLog().count("query")).as("no read before the write").isZero();
        assertThat(emulator.callLog().count("collections.upsert")).isEqualTo(1);
    }

    @Test
    void aChangeCommittedTooCloseToOurWriteIsForgottenAndTheFieldIsReadFirst() {
        String member = tenant.member(2);
        StoredRecord contact = writtenActive(member);

        // Committed within the clock skew of our write: it might predate it, so the baseline is dropped.
        emulator.defaultOrg().userUpdate("Contact", contact.id(), Map.of(FIELD, "member-active;Board"));
        await().atMost(WAIT).until(() -> !rows.query("select member_id from member_link where tenant_id = ? "
                + "and member_id = ? and tags_seen_at is not null", tenant.id, member).isEmpty());
        assertThat(baselineKnown(member)).isFalse();
        emulator.callLog().reset();

        events.store("course.enrolled", member, "{\"courseId\":\"c-1\"}", Instant.now());
        awaitQuiet();

        assertThat(tags(tenant.contact(member))).containsExactlyInAnyOrder("Board", "member-active", "course-enrolled");
        assertThat(emulator.callLog().count("query")).isEqualTo(1);
    }

    @Test
    void aBaselineRecordedBeforeTheSubscriptionReconnectedIsReadAgain() {
        String member = tenant.member(3);
        StoredRecord contact = writtenActive(member);
        String before = liveSince();

        // A value changed while nobody listened (no change event): only a read can see it.
        emulator.streaming().disconnectAllClients();
        emulator.defaultOrg().directUpdate("Contact", contact.id(), Map.of(FIELD, "member-active;Quiet"));
        await().atMost(WAIT).until(() -> streaming() && !liveSince().equals(before));
        emulator.callLog().reset();

        events.store("membership.status_changed", member, "{\"status\":\"expiring\"}", Instant.now());
        awaitQuiet();

        assertThat(tags(tenant.contact(member))).containsExactlyInAnyOrder("Quiet", "member-expiring");
        assertThat(emulator.callLog().count("query")).isEqualTo(1);
        assertThat(baseline(member)).isEqualTo("Quiet;member-expiring");
    }

    /** A member whose Contact MemberPulse wrote with the status tag while the tenant streamed. */
    private StoredRecord writtenActive(String member) {
        events.upserted(member, "{\"lastName\":\"Stream\",\"membershipStatus\":\"active\"}");
        awaitQuiet();
        StoredRecord contact = tenant.contact(member);
        assertThat(tags(contact)).containsExactly("member-active");
        assertThat(baseline(member)).isEqualTo("member-active");
        return contact;
    }

    private boolean streaming() {
        return !rows.query("select tenant_id from worker_lease where tenant_id = ? and lane = -3 and until > now() "
                + "and live_since is not null", tenant.id).isEmpty();
    }

    private String liveSince() {
        List<Map<String, String>> found = rows.query("select live_since::text as since from worker_lease "
                + "where tenant_id = ? and lane = -3", tenant.id);
        return found.isEmpty() || found.get(0).get("since") == null ? "" : found.get(0).get("since");
    }

    private String baseline(String member) {
        List<Map<String, String>> found = rows.query("select last_written ->> ? as value from member_link "
                + "where tenant_id = ? and member_id = ?", FIELD, tenant.id, member);
        return found.isEmpty() || found.get(0).get("value") == null ? "" : found.get(0).get("value");
    }

    private boolean baselineKnown(String member) {
        return !rows.query("select member_id from member_link where tenant_id = ? and member_id = ? "
                + "and jsonb_exists(last_written, ?)", tenant.id, member, FIELD).isEmpty();
    }

    private static Set<String> tags(StoredRecord contact) {
        Object value = contact.get(FIELD);
        return value == null ? Set.of() : Arrays.stream(value.toString().split(";")).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(tenant::isQuiet);
    }
}
