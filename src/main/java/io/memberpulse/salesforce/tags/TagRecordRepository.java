package io.memberpulse.salesforce.tags;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tag records MemberPulse created ({@code tag_record}), so removed tags can be deleted by id. */
@ApplicationScoped
class TagRecordRepository {

    private final Pool pool;

    TagRecordRepository(Pool pool) {
        this.pool = pool;
    }

    /** Tags are lower-case letters, digits and '-': a prefix tag ({@code event-registered-*}) is a LIKE pattern. */
    private static final String MATCHES = "r.member_id = k.m and (r.tag = k.t or (right(k.t, 1) = '*' "
            + "and r.tag like left(k.t, -1) || '%'))";

    /** Record ids by {@code memberId + ":" + tag} as asked (a prefix tag: every record under it). */
    Uni<Map<String, List<String>>> ids(String tenantId, List<String> memberIds, List<String> tags) {
        return pool.preparedQuery("select k.m, k.t, r.salesforce_id from tag_record r "
                + "join unnest($2::text[], $3::text[]) as k(m, t) on " + MATCHES + " "
                + "where r.tenant_id = $1 order by k.m, k.t, r.tag")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new), tags.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> ids = new HashMap<>();
                    for (Row row : rows) {
                        ids.computeIfAbsent(row.getString(0) + ":" + row.getString(1), key -> new ArrayList<>())
                                .add(row.getString(2));
                    }
                    return ids;
                });
    }

    Uni<Void> remember(SqlConnection connection, String tenantId, String[] members, String[] tags, String[] ids) {
        return connection.preparedQuery("insert into tag_record (tenant_id, member_id, tag, salesforce_id) "
                + "select $1, u.m, u.t, u.id from unnest($2::text[], $3::text[], $4::text[]) as u(m, t, id) "
                + "on conflict (tenant_id, member_id, tag) do update set salesforce_id = excluded.salesforce_id")
                .execute(Tuple.of(tenantId, members, tags, ids))
                .replaceWithVoid();
    }

    Uni<Void> forget(SqlConnection connection, String tenantId, String[] members, String[] tags) {
        return connection.preparedQuery("delete from tag_record r using unnest($2::text[], $3::text[]) as k(m, t) "
                + "where r.tenant_id = $1 and " + MATCHES)
                .execute(Tuple.of(tenantId, members, tags))
                .replaceWithVoid();
    }
}
