package io.memberpulse.salesforce.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads member links and resolved Accounts for a claimed batch; writes resolved Accounts. */
@ApplicationScoped
class LinkRepository {

    private final Pool pool;

    LinkRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Map<String, MemberLink>> links(String tenantId, List<String> memberIds) {
        return pool.preparedQuery("select member_id, salesforce_id, account_id, last_written::text as written "
                + "from member_link where tenant_id = $1 and member_id = any($2)")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, MemberLink> links = new HashMap<>();
                    for (Row row : rows) {
                        links.put(row.getString("member_id"), new MemberLink(row.getString("salesforce_id"),
                                row.getString("account_id"), OutboxRepository.object(row.getString("written"))));
                    }
                    return links;
                });
    }

    Uni<Map<String, String>> accounts(String tenantId, List<String> companyKeys) {
        return pool.preparedQuery("select name_key, account_id from account_link where tenant_id = $1 "
                + "and name_key = any($2) and account_id is not null")
                .execute(Tuple.of(tenantId, companyKeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> accounts = new HashMap<>();
                    rows.forEach(row -> accounts.put(row.getString("name_key"), row.getString("account_id")));
                    return accounts;
                });
    }

    /** Companies still waiting for their Account, oldest first. */
    Uni<Map<String, String>> unresolvedCompanies(String tenantId, int limit) {
        return pool.preparedQuery("select name_key, name from account_link where tenant_id = $1 "
                + "and account_id is null order by created_at, name_key limit $2")
                .execute(Tuple.of(tenantId, limit))
                .map(rows -> {
                    Map<String, String> companies = new java.util.LinkedHashMap<>();
                    rows.forEach(row -> companies.put(row.getString("name_key"), row.getString("name")));
                    return companies;
                });
    }

    /** Records the Contacts written for members, merging the values written into what was written before. */
    Uni<Void> upsert(SqlConnection connection, String tenantId, String[] memberIds, String[] salesforceIds,
            String[] accountIds, String[] written) {
        return connection.preparedQuery("insert into member_link (tenant_id, member_id, salesforce_id, account_id, "
                + "last_written, last_written_at) select $1, u.m, u.s, u.a, u.w::jsonb, now() "
                + "from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(m, s, a, w) "
                + "on conflict (tenant_id, member_id) do update set salesforce_id = excluded.salesforce_id, "
                + "account_id = case when excluded.last_written ? 'AccountId' then excluded.account_id "
                + "else member_link.account_id end, "
                + "last_written = member_link.last_written || excluded.last_written, last_written_at = now()")
                .execute(Tuple.of(tenantId, memberIds, salesforceIds, accountIds, written))
                .replaceWithVoid();
    }

    /** One sync-log entry per member outcome (SUCCESS, FAILED, SKIPPED). */
    Uni<Void> appendSyncLog(SqlConnection connection, String tenantId, String[] memberIds, String[] operations,
            String[] itemKeys, String[] salesforceIds, String[] outcomes, String[] codes, String[] messages,
            String[] hints, Integer[] attempts, Long[] items) {
        return connection.preparedQuery("insert into sync_log (tenant_id, member_id, operation, item_key, "
                + "salesforce_id, outcome, error_code, error_message, admin_hint, attempts, outbox_item_id) "
                + "select $1, u.m, u.op, u.k, u.s, u.outcome, u.code, u.message, u.hint, u.attempts, u.item "
                + "from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
                + "$9::text[], $10::int[], $11::bigint[]) as u(m, op, k, s, outcome, code, message, hint, attempts, item)")
                .execute(Tuple.from(List.of(tenantId, memberIds, operations, itemKeys, salesforceIds, outcomes, codes,
                        messages, hints, attempts, items)))
                .replaceWithVoid();
    }

    /** Records Accounts found or created; an empty id marks a company Salesforce refused (no Account). */
    Uni<Void> resolveAccounts(String tenantId, List<String> keys, List<String> accountIds) {
        return pool.preparedQuery("update account_link a set account_id = u.id from unnest($2::text[], $3::text[]) "
                + "as u(k, id) where a.tenant_id = $1 and a.name_key = u.k")
                .execute(Tuple.of(tenantId, keys.toArray(String[]::new), accountIds.toArray(String[]::new)))
                .replaceWithVoid();
    }
}
