package io.memberpulse.salesforce.leads;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engagement score written to Leads: the member's events of the last 90 days (by their
 * {@code occurredAt}, from the event inbox), weighted and capped to 0-100:
 * <pre>
 * score = min(100, max(0, 10 x event.attended + 15 x course.completed + 5 x event.registered
 *                        + 5 x course.enrolled + 3 x activity.logged - 5 x event.no_show))
 * </pre>
 * Attending and completing weigh most (they show commitment), registrations and enrollments less,
 * logged activities a little; no-shows count against. One statement per batch.
 */
@ApplicationScoped
public class EngagementScores {

    /** How far back activity counts. */
    static final String WINDOW = "90 days";
    private static final Map<String, Integer> WEIGHTS = Map.of("event.attended", 10, "course.completed", 15,
            "event.registered", 5, "course.enrolled", 5, "activity.logged", 3, "event.no_show", -5);

    private final Pool pool;

    EngagementScores(Pool pool) {
        this.pool = pool;
    }

    /** Member id -> score for each member (0 for members without recent activity). */
    public Uni<Map<String, Integer>> of(String tenantId, List<String> memberIds) {
        return pool.preparedQuery("select member_id, type, count(*) from member_event where tenant_id = $1 "
                + "and member_id = any($2) and type = any($3) and occurred_at > now() - interval '" + WINDOW + "' "
                + "group by member_id, type")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new),
                        WEIGHTS.keySet().toArray(String[]::new)))
                .map(rows -> scores(memberIds, rows));
    }

    private static Map<String, Integer> scores(List<String> memberIds, RowSet<Row> rows) {
        Map<String, Integer> raw = new HashMap<>();
        memberIds.forEach(member -> raw.put(member, 0));
        for (Row row : rows) {
            raw.merge(row.getString(0), WEIGHTS.get(row.getString(1)) * row.getLong(2).intValue(), Integer::sum);
        }
        raw.replaceAll((member, score) -> score(score));
        return raw;
    }

    static int score(int weighted) {
        return Math.min(100, Math.max(0, weighted));
    }
}
