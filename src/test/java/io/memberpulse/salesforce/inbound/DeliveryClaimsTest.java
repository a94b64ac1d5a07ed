package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.memberpulse.salesforce.support.InboundRows;
import io.memberpulse.salesforce.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claims of the webhook queue, with this replica's sender switched off so the test is the only
 * claimer: concurrent claims never share a member, a member's chain starts at its oldest undelivered
 * delivery and keeps its order, a failure holds back what follows it, and a claim that expired (its
 * replica died) is claimed again while the old claim can no longer record.
 */
@QuarkusTest
@TestProfile(DeliveryClaimsTest.SenderOff.class)
class DeliveryClaimsTest {

    /** The sender stays idle: only the test claims. */
    public static class SenderOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memberpulse.webhook.enabled", "false");
        }
    }

    @Inject
    DeliveryRepository deliveries;

    @Inject
    AgroalDataSource database;

    InboundRows rows;

    @BeforeEach
    void emptyQueue() {
        rows = new InboundRows(database, TestTokens.newTenantId());
        rows.update("delete from webhook_delivery");
        rows.update("delete from sync_log where tenant_id = 't-claims'");
    }

    @Test
    void concurrentClaimsShareNoMemberAndTakeEachMembersOldestInOrder() throws Throwable {
        queue(30, 3);

        List<List<DeliveryRepository.Claimed>> claims = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(claim(10, 2), claim(10, 2), claim(10, 2), claim(10, 2)).andFailFast());

        List<DeliveryRepository.Claimed> all = claims.stream().flatMap(List::stream).collect(Collectors.toList());
        assertThat(all).extracting(DeliveryRepository.Claimed::id).doesNotHaveDuplicates();
        Set<String> seen = new HashSet<>();
        for (List<DeliveryRepository.Claimed> claim : claims) {
            Set<String> members = claim.stream().map(DeliveryRepository.Claimed::memberId).collect(Collectors.toSet());
            int before = seen.size();
            seen.addAll(members);
            assertThat(seen).as("no member in two claims").hasSize(before + members.size());
        }
        assertThat(all).isNotEmpty();
        assertChains(all, 0, 1);

        List<DeliveryRepository.Claimed> rest = VertxContextSupport.subscribeAndAwait(() -> claim(100, 2));
        assertThat(rest).hasSize(2 * (30 - seen.size()));
        assertChains(rest, 0, 1);

        List<DeliveryRepository.Claimed> sent = new ArrayList<>(all);
        sent.addAll(rest);
        record(sent.stream().map(DeliveryClaimsTest::acknowledged).collect(Collectors.toList()));
        List<DeliveryRepository.Claimed> next = VertxContextSupport.subscribeAndAwait(() -> claim(100, 5));
        assertThat(next).hasSize(30);
        assertChains(next, 2);
    }

    @Test
    void aChainStopsAtAFailureWhichWaitsForItsRetryAndLeavesTheRestUntouched() throws Throwable {
        queue(1, 4);
        List<DeliveryRepository.Claimed> chain = VertxContextSupport.subscribeAndAwait(() -> claim(10, 4));
        assertThat(chain).hasSize(4);
        assertChains(chain, 0, 1, 2, 3);
        assertThat(chain).extracting(DeliveryRepository.Claimed::attempts).containsOnly(1);

        record(List.of(acknowledged(chain.get(0)), new DeliveryRepository.Sent(chain.get(1), false, "HTTP 500", "hint",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))));

        assertThat(VertxContextSupport.subscribeAndAwait(() -> claim(10, 4))).as("the failed one is not due yet")
                .isEmpty();
        assertThat(queued()).extracting(row -> row.get("status") + "/" + row.get("attempts"))
                .containsExactly("DELIVERED/1", "PENDING/1", "PENDING/0", "PENDING/0");
        rows.update("update webhook_delivery set next_attempt_at = now() where id = ?", chain.get(1).id());
        List<DeliveryRepository.Claimed> retry = VertxContextSupport.subscribeAndAwait(() -> claim(10, 4));
        assertThat(retry).hasSize(3);
        assertChains(retry, 1, 2, 3);
        assertThat(retry).extracting(DeliveryRepository.Claimed::attempts).containsExactly(2, 1, 1);
    }

    @Test
    void aClaimThatExpiredIsClaimedAgainAndAnUnexpiredOneIsNot() throws Throwable {
        queue(1, 2);
        List<DeliveryRepository.Claimed> first = VertxContextSupport.subscribeAndAwait(() -> claim(10, 1));
        assertThat(first).singleElement().satisfies(claimed -> assertThat(claimed.attempts()).isEqualTo(1));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> claim(10, 5))).as("in flight, not expired").isEmpty();

        rows.update("update webhook_delivery set claimed_until = now() - interval '1 second' where id = ?",
                first.get(0).id());

        List<DeliveryRepository.Claimed> again = VertxContextSupport.subscribeAndAwait(() -> claim(10, 1));
        assertThat(again).singleElement().satisfies(claimed -> {
            assertThat(claimed.deliveryId()).isEqualTo(first.get(0).deliveryId());
            assertThat(claimed.attempts()).isEqualTo(2);
        });

        record(List.of(acknowledged(first.get(0))));
        assertThat(queued().get(0).get("status")).as("the expired claim records nothing")
                .isEqualTo("IN_FLIGHT");
        record(List.of(acknowledged(again.get(0))));
        assertThat(queued().get(0).get("status")).isEqualTo("DELIVERED");
        assertThat(rows.query("select outcome from sync_log where tenant_id = 't-claims'")).as("one attempt logged")
                .hasSize(1);
    }

    private Uni<List<DeliveryRepository.Claimed>> claim(int members, int perMember) {
        return deliveries.claim(members, perMember, Duration.ofMinutes(1));
    }

    /** The queue (this test's deliveries only), oldest first. */
    private List<Map<String, String>> queued() {
        return rows.query("select status, attempts::text as attempts from webhook_delivery order by id");
    }

    private void record(List<DeliveryRepository.Sent> sent) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.record(sent));
    }

    private static DeliveryRepository.Sent acknowledged(DeliveryRepository.Claimed claimed) {
        return new DeliveryRepository.Sent(claimed, true, null, null, null);
    }

    /** Each member's claimed deliveries are exactly its bodies numbered {@code n}, in this order. */
    private static void assertChains(List<DeliveryRepository.Claimed> claimed, int... n) {
        Map<String, List<String>> byMember = claimed.stream().collect(Collectors.groupingBy(
                DeliveryRepository.Claimed::memberId, Collectors.mapping(DeliveryRepository.Claimed::body,
                        Collectors.toList())));
        List<String> expected = new ArrayList<>();
        for (int i : n) {
            expected.add("{\"n\":" + i + "}");
        }
        assertThat(byMember).allSatisfy((member, bodies) -> assertThat(bodies).as(member)
                .containsExactlyElementsOf(expected));
    }

    /** {@code perMember} deliveries for each of {@code members} members, bodies numbered 0.. per member. */
    private void queue(int members, int perMember) {
        Set<String> keys = new HashSet<>();
        for (int n = 0; n < perMember; n++) {
            for (int m = 0; m < members; m++) {
                String key = "member:m" + m + ":" + n;
                keys.add(key);
                rows.update("insert into webhook_delivery (delivery_id, tenant_id, order_key, member_id, salesforce_id, "
                        + "change_type, body, dedupe_key, source, changed_at) values (gen_random_uuid()::text, 't-claims', "
                        + "?, ?, '003000000000001AAA', 'member.updated', ?, ?, 'CDC', now())", "member:m" + m, "m" + m,
                        "{\"n\":" + n + "}", key);
            }
        }
        assertThat(keys).hasSize(members * perMember);
    }
}
