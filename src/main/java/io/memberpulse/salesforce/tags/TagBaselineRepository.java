package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The tag picklist baseline in {@code member_link}: the field's value in {@code last_written} and
 * {@code tags_seen_at}, when it was last learned from Salesforce (an inbound change or a read).
 */
@ApplicationScoped
class TagBaselineRepository {

    // Hibernate numbers each occurrence of a parameter anew: every parameter is used once, in p and r.
    private static final String OBSERVED = "with p as (select cast(?1 as text) as tenant, cast(?2 as text) as field, "
            + "make_interval(secs => cast(?3 as float8)) as skew), "
            + "r as (select * from jsonb_to_recordset(cast(cast(?4 as text) as jsonb)) "
            + "as r(\"salesforceId\" text, value jsonb, \"changedAt\" timestamptz)) "
            + "update member_link l set last_written = case "
            + "when r.\"changedAt\" > greatest(l.last_written_at, l.tags_seen_at) + p.skew "
            + "then l.last_written || jsonb_build_object(p.field, r.value) else l.last_written - p.field end, "
            + "tags_seen_at = now() from p, r where l.tenant_id = p.tenant and l.salesforce_id = r.\"salesforceId\"";

    private final Pool pool;
    private final TagsConfig config;

    TagBaselineRepository(Pool pool, TagsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /**
     * In the caller's transaction: the tenant's tag picklist field, or "" when tags go elsewhere. Read
     * on the caller's connection: a second pool connection per applied batch could starve the pool
     * while every applier transaction holds one.
     */
    Uni<String> picklistField(String tenantId) {
        return session()
                .chain(session -> session.createNativeQuery("select coalesce((select case when target = 'PICKLIST' "
                        + "then picklist_field else '' end from tag_settings where tenant_id = ?1), ?2)", String.class)
                        .setParameter(1, tenantId)
                        .setParameter(2, TagSettings.DEFAULTS.picklistField())
                        .getSingleResult());
    }

    /**
     * In the caller's transaction (the inbound applier's): takes each observed value that is clearly
     * newer than our last write or read of the Contact, and forgets the baseline otherwise.
     */
    Uni<Void> observed(String tenantId, String field, ArrayNode rows) {
        double skew = config.picklistClockSkew().toMillis() / 1000.0;
        return session()
                .chain(session -> session.createNativeQuery(OBSERVED)
                        .setParameter(1, tenantId)
                        .setParameter(2, field)
                        .setParameter(3, skew)
                        .setParameter(4, rows.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The members among {@code memberIds} whose baseline is known and was recorded at or after
     * {@code liveSince}: every Salesforce change of the field since then has come through the stream.
     */
    Uni<Set<String>> currentSince(String tenantId, String field, List<String> memberIds, Instant liveSince) {
        return pool.preparedQuery("select member_id from member_link where tenant_id = $1 and member_id = any($2) "
                + "and last_written ? $3 and greatest(last_written_at, tags_seen_at) >= $4")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new), field,
                        liveSince.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Set<String> members = new HashSet<>();
                    for (Row row : rows) {
                        members.add(row.getString("member_id"));
                    }
                    return members;
                });
    }

    /** Records values just read from Salesforce (null: the empty selection) as linked members' baselines. */
    Uni<Void> read(String tenantId, String field, Map<String, String> values) {
        String[] members = values.keySet().toArray(String[]::new);
        String[] texts = values.keySet().stream().map(values::get).map(v -> v == null || v.isEmpty() ? null : v)
                .toArray(String[]::new);
        return pool.preparedQuery("update member_link l set last_written = l.last_written || jsonb_build_object($2::text, "
                + "u.v), tags_seen_at = now() from unnest($3::text[], $4::text[]) as u(m, v) "
                + "where l.tenant_id = $1 and l.member_id = u.m")
                .execute(Tuple.of(tenantId, field, members, texts))
                .replaceWithVoid();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.currentTransaction()
                .invoke(TagBaselineRepository::requireTransaction)
                .chain(Panache::getSession);
    }

    private static void requireTransaction(Mutiny.Transaction transaction) {
        if (transaction == null) {
            throw new IllegalStateException("Tag baselines are observed inside the inbound applier's transaction");
        }
    }
}
