package io.memberpulse.salesforce.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** How far catch-up has read each object of a tenant ({@code SystemModstamp}); never moves back. */
@ApplicationScoped
public class InboundWatermarks {

    private final CallerTransaction tx;
    private final Pool pool;

    InboundWatermarks(CallerTransaction tx, Pool pool) {
        this.tx = tx;
        this.pool = pool;
    }

    /** Advances the watermark in the caller's transaction. */
    public Uni<Void> store(String tenantId, String objectType, Instant watermark) {
        return tx.execute("insert into inbound_watermark (tenant_id, object_type, watermark, updated_at) "
                + "values (?1, ?2, cast(?3 as timestamptz), now()) on conflict (tenant_id, object_type) do update "
                + "set watermark = greatest(inbound_watermark.watermark, excluded.watermark), updated_at = now()",
                tenantId, objectType, watermark.atOffset(java.time.ZoneOffset.UTC))
                .replaceWithVoid();
    }

    public Uni<Optional<Instant>> find(String tenantId, String objectType) {
        return pool.preparedQuery("select watermark from inbound_watermark where tenant_id = $1 and object_type = $2")
                .execute(Tuple.of(tenantId, objectType))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Instant>empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime("watermark").toInstant()));
    }
}
