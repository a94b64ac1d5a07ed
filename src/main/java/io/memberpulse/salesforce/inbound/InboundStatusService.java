package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts the inbound part of {@code GET /status} together: a few queries, no Salesforce call. */
@ApplicationScoped
public class InboundStatusService {

    private final InboundPositions positions;
    private final ReconciliationService reconciliations;
    private final WebhookClient webhook;
    private final Pool pool;

    InboundStatusService(InboundPositions positions, ReconciliationService reconciliations, WebhookClient webhook,
            Pool pool) {
        this.positions = positions;
        this.reconciliations = reconciliations;
        this.webhook = webhook;
        this.pool = pool;
    }

    public Uni<InboundStatus> status(String tenantId) {
        Instant now = Instant.now();
        return positions.find(tenantId)
                .map(found -> channels(found, now))
                .chain(channels -> reconciliations.lastRun(tenantId)
                        .map(last -> last.map(InboundStatusService::reconciliation).orElse(null))
                        .chain(last -> webhook(tenantId)
                                .map(hook -> new InboundStatus(channels, last, hook))));
    }

    private Uni<InboundStatus.Webhook> webhook(String tenantId) {
        return pool.preparedQuery("select count(*) as pending, count(*) filter (where attempts > 0 and status = "
                + "'PENDING') as retrying, min(created_at) as oldest from webhook_delivery where tenant_id = $1 "
                + "and status <> 'DELIVERED'")
                .execute(Tuple.of(tenantId))
                .map(rows -> webhook(rows.iterator().next()));
    }

    private InboundStatus.Webhook webhook(Row row) {
        OffsetDateTime oldest = row.getOffsetDateTime("oldest");
        return new InboundStatus.Webhook(row.getLong("pending"), row.getLong("retrying"),
                oldest == null ? null : oldest.toInstant(), webhook.notReady().orElse(null));
    }

    private static List<InboundStatus.Channel> channels(Map<String, InboundPositions.Position> found, Instant now) {
        List<InboundStatus.Channel> channels = new ArrayList<>();
        found.forEach((channel, p) -> channels.add(new InboundStatus.Channel(channel, p.replayId(),
                seconds(p.updatedAt(), now), p.lastCommitAt() == null ? null : seconds(p.lastCommitAt(), now))));
        return channels;
    }

    private static long seconds(Instant from, Instant now) {
        return Math.max(0, Duration.between(from, now).toSeconds());
    }

    private static InboundStatus.Reconciliation reconciliation(ReconciliationRepository.LastRun run) {
        return new InboundStatus.Reconciliation(run.at(), run.examined(), run.applied(), run.error());
    }
}
