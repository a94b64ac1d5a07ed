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
 * Which members lead enrichment writes to a Lead instead of a Contact ({@code lead_link}), and the
 * Contact a converted Lead became. Single statements, no transaction held across any call.
 */
@ApplicationScoped
public class LeadLinks {

    /** A member's Lead, and the Contact it was converted into (null while not converted). */
    public record LeadLink(String memberId, String leadId, String convertedContactId) {

        /** Where the member's data goes now: the converted Contact, else the Lead. */
        public String personId() {
            return convertedContactId != null ? convertedContactId : leadId;
        }
    }

    private final Pool pool;

    LeadLinks(Pool pool) {
        this.pool = pool;
    }

    /** The links of those members that have one. */
    public Uni<Map<String, LeadLink>> of(String tenantId, List<String> memberIds) {
        return pool.preparedQuery("select member_id, lead_id, converted_contact_id from lead_link "
                + "where tenant_id = $1 and member_id = any($2)")
                .execute(Tuple.of(tenantId, memberIds.toArray(String[]::new)))
                .map(LeadLinks::linksOf);
    }

    private static Map<String, LeadLink> linksOf(RowSet<Row> rows) {
        Map<String, LeadLink> links = new HashMap<>();
        for (Row row : rows) {
            links.put(row.getString(0), new LeadLink(row.getString(0), row.getString(1), row.getString(2)));
        }
        return links;
    }

    /** Member id -> the Lead (or converted Contact) to use in its place, for members with a link. */
    public Uni<Map<String, String>> personIds(String tenantId, List<String> memberIds) {
        return of(tenantId, memberIds)
                .map(LeadLinks::personIdsOf);
    }

    /** Remembers (or replaces) the members' Leads and conversions, one statement. */
    public Uni<Void> remember(String tenantId, List<LeadLink> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("insert into lead_link (tenant_id, member_id, lead_id, converted_contact_id) "
                + "select $1, u.member_id, u.lead_id, u.contact_id "
                + "from unnest($2::text[], $3::text[], $4::text[]) as u(member_id, lead_id, contact_id) "
                + "on conflict (tenant_id, member_id) do update set lead_id = excluded.lead_id, "
                + "converted_contact_id = excluded.converted_contact_id, updated_at = now()")
                .execute(Tuple.of(tenantId, links.stream().map(LeadLink::memberId).toArray(String[]::new),
                        links.stream().map(LeadLink::leadId).toArray(String[]::new),
                        links.stream().map(LeadLink::convertedContactId).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Map<String, String> personIdsOf(Map<String, LeadLink> links) {
        Map<String, String> persons = new HashMap<>();
        links.forEach((member, link) -> persons.put(member, link.personId()));
        return persons;
    }
}
