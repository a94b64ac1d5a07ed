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
 * claimer: concurrent claims never share a delivery, only a member's oldest undelivered delivery is
 * claimable, and a claim that expired (its replica died) is claimed again.
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
    }

    @Test
    void concurrentClaimsShareNothingAndTakeOnlyEachMembersOldest() throws Throwable {
        queue(30, 3);

        List<List<DeliveryRepository.Claimed>> claims = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(claim(10), claim(10), claim(10), claim(10)).andFailFast());

        List<DeliveryRepository.Claimed> all = claims.stream().flatMap(List::stream).collect(Collectors.toList());
        assertThat(all).extracting(DeliveryRepository.Claimed::id).doesNotHaveDuplicates();
        assertThat(all).isNotEmpty().allSatisfy(claimed -> assertThat(claimed.body()).contains("\"n\":0"));
        assertThat(all.stream().map(DeliveryRepository.Claimed::memberId).collect(Collectors.toSet()))
                .hasSize(all.size());

        List<DeliveryRepository.Claimed> rest = VertxContextSupport.subscribeAndAwait(() -> claim(100));
        assertThat(rest).hasSize(30 - all.size()).allSatisfy(claimed -> assertThat(claimed.body()).contains("\"n\":0"));

        List<DeliveryRepository.Claimed> heads = new ArrayList<>(all);
        heads.addAll(rest);
        VertxContextSupport.subscribeAndAwait(() -> deliveries.record(heads.stream()
                .map(claimed -> new DeliveryRepository.Sent(claimed, true, null, null)).collect(Collectors.toList())));
        List<DeliveryRepository.Claimed> next = VertxContextSupport.subscribeAndAwait(() -> claim(100));
        assertThat(next).hasSize(30).allSatisfy(claimed -> assertThat(claimed.body()).contains("\"n\":1"));
    }

    @Test
    void aClaimThatExpiredIsClaimedAgainAndAnUnexpiredOneIsNot() throws Throwable {
        queue(1, 2);
        List<DeliveryRepository.Claimed> first = VertxContextSupport.subscribeAndAwait(() -> claim(10));
        assertThat(first).singleElement().satisfies(claimed -> assertThat(claimed.attempts()).isEqualTo(1));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> claim(10))).as("in flight, not expired").isEmpty();

        rows.update("update webhook_delivery set claimed_until = now() - interval '1 second' where id = ?",
                first.get(0).id());

        List<DeliveryRepository.Claimed> again = VertxContextSupport.subscribeAndAwait(() -> claim(10));
        assertThat(again).singleElement().satisfies(claimed -> {
            assertThat(claimed.deliveryId()).isEqualTo(first.get(0).deliveryId());
            assertThat(claimed.attempts()).isEqualTo(2);
        });
    }

    private Uni<List<DeliveryRepository.Claimed>> claim(int limit) {
        return deliveries.claim(limit, Duration.ofMinutes(1));
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
