package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.memberpulse.salesforce.inbound.ChangeKind;
import io.memberpulse.salesforce.inbound.ContactStream;
import io.memberpulse.salesforce.inbound.SalesforceChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each member's tag picklist baseline current from what Salesforce tells us: the Contact's tag
 * field value as MemberPulse last knew it, in {@code member_link.last_written} (where the pipeline
 * also leaves what it wrote). Tags are never taken into MemberPulse; the observed value only serves
 * as the base the next tag deltas are applied to, so a value an admin added in Salesforce survives
 * without a read before the write (see {@link PicklistBaseline#OBSERVED}).
 *
 * <p>Ordering: a change event is newer than what we knew only when Salesforce committed it clearly
 * after our last write or read of that Contact ({@code memberpulse.tags.picklist-clock-skew} apart,
 * Salesforce's clock against ours). An older or too-close one may describe a value our own write has
 * since replaced, or one we read already; applying it could bring back a status tag we removed, so
 * the baseline is forgotten instead and the next tag change reads the field.
 */
@ApplicationScoped
public class TagBaselines {

    private static final String CONTACT = "Contact";

    private final TagBaselineRepository repository;
    private final ContactStream stream;

    TagBaselines(TagBaselineRepository repository, ContactStream stream) {
        this.repository = repository;
        this.stream = stream;
    }

    /**
     * The members among {@code known} (each with a baseline) whose baseline can be trusted without a
     * read: the tenant's Contact change events have streamed without a break since it was recorded,
     * so every later change of the field would have updated or forgotten it. None while the tenant
     * does not stream (auto-sync off, Change Data Capture not enabled for Contact, not subscribed
     * yet, reconnecting), nor for baselines recorded before the current subscription began: a
     * change in between may have been caught up without its tag value (SOQL catch-ups read the
     * mapped fields only). Left to the pipeline's next tag change: the read it makes then.
     */
    Uni<Set<String>> current(String tenantId, String field, List<String> known) {
        return stream.liveSince(tenantId)
                .chain(since -> since == null ? Uni.createFrom().item(Set.<String>of())
                        : repository.currentSince(tenantId, field, known, since));
    }

    /** Values read from Salesforce just now become the members' baselines. */
    Uni<Void> read(String tenantId, String field, Map<String, String> values) {
        return repository.read(tenantId, field, values);
    }

    /**
     * The inbound applier's hook: records the tag field values that Contact changes (CDC, and any
     * source whose values carry the field) bring, for members linked to those Contacts. Runs inside
     * the applier's transaction, after the echoes of our own writes were dropped.
     */
    public Uni<Void> observe(String tenantId, List<SalesforceChange> changes) {
        if (changes.stream().noneMatch(TagBaselines::mayCarryTags)) {
            return Uni.createFrom().voidItem();
        }
        return repository.picklistField(tenantId)
                .chain(field -> field.isEmpty() ? Uni.createFrom().voidItem() : record(tenantId, field, changes));
    }

    private Uni<Void> record(String tenantId, String field, List<SalesforceChange> changes) {
        ArrayNode rows = latestPerContact(field, changes);
        return rows.isEmpty() ? Uni.createFrom().voidItem() : repository.observed(tenantId, field, rows);
    }

    /** Per Contact only the last change carrying the field counts: change events come in commit order. */
    private static ArrayNode latestPerContact(String field, List<SalesforceChange> changes) {
        Map<String, SalesforceChange> latest = new LinkedHashMap<>();
        for (SalesforceChange change : changes) {
            if (mayCarryTags(change) && change.values().has(field)) {
                change.recordIds().forEach(id -> latest.put(id, change));
            }
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        latest.forEach((id, change) -> rows.addObject().put("salesforceId", id)
                .put("changedAt", change.changedAt().toString())
                .set("value", selection(change.values().get(field))));
        return rows;
    }

    private static boolean mayCarryTags(SalesforceChange change) {
        return CONTACT.equals(change.objectType()) && change.kind() != ChangeKind.DELETE
                && change.changedAt() != null && !change.values().isEmpty();
    }

    /** As the pipeline stores what it wrote: the text, or JSON null for the empty selection. */
    private static JsonNode selection(JsonNode value) {
        return value == null || value.isNull() || value.asText().isEmpty() ? NullNode.getInstance()
                : TextNode.valueOf(value.asText());
    }
}
