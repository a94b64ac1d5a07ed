package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.outbound.ClaimedItem;
import io.memberpulse.salesforce.outbound.ContactExtras;
import io.memberpulse.salesforce.outbound.MemberLink;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Contact tag picklist's new value for each member of a batch whose write carries tag deltas:
 * the current value (read from Salesforce in one query for the batch, or the baseline MemberPulse keeps;
 * see {@link PicklistBaseline}) with the deltas applied. Values MemberPulse does not own are kept.
 * A value over the picklist's limits, or a picklist the org lacks, fails that member's write with a
 * sync-log entry saying what to do.
 */
@ApplicationScoped
class TagPicklist implements ContactExtras {

    /** Keeps each query's URL well below Salesforce's limit. */
    private static final int MAX_IN_LIST_CHARS = 8000;

    private final TagSettingsService settings;
    private final MappingService mappings;
    private final SalesforceClient salesforce;
    private final TagsConfig config;
    private final TagBaselines baselines;

    TagPicklist(TagSettingsService settings, MappingService mappings, SalesforceClient salesforce, TagsConfig config,
            TagBaselines baselines) {
        this.settings = settings;
        this.baselines = baselines;
        this.mappings = mappings;
        this.salesforce = salesforce;
        this.config = config;
    }

    @Override
    public Uni<Map<String, Extra>> extras(OrgCredentials org, List<ClaimedItem> items, Map<String, MemberLink> links) {
        List<ClaimedItem> tagged = items.stream().filter(i -> PicklistValue.hasDeltas(i.fields()))
                .collect(Collectors.toList());
        if (tagged.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return settings.settings(org.tenantId())
                .chain(s -> s.target() != TagTarget.PICKLIST ? Uni.createFrom().item(Map.<String, Extra>of())
                        : withSettings(org, s, tagged, links));
    }

    private Uni<Map<String, Extra>> withSettings(OrgCredentials org, TagSettings s, List<ClaimedItem> tagged,
            Map<String, MemberLink> links) {
        return toRead(org.tenantId(), s, tagged, links)
                .chain(members -> current(org, s.picklistField(), members))
                .map(values -> values(s, tagged, links, values))
                .onFailure(SalesforceException::isInvalidField)
                .recoverWithItem(failure -> refuseAll(s, tagged, (SalesforceException) failure));
    }

    /** The members whose current value is read first, by the tenant's {@link PicklistBaseline}. */
    private Uni<List<String>> toRead(String tenantId, TagSettings s, List<ClaimedItem> tagged,
            Map<String, MemberLink> links) {
        List<String> all = tagged.stream().map(ClaimedItem::memberId).collect(Collectors.toList());
        List<String> known = all.stream().filter(member -> lastWritten(links.get(member), s.picklistField()) != null)
                .collect(Collectors.toList());
        if (s.picklistBaseline() == PicklistBaseline.READ || known.isEmpty()) {
            return Uni.createFrom().item(all);
        }
        Uni<Set<String>> trusted = s.picklistBaseline() == PicklistBaseline.LAST_WRITTEN
                ? Uni.createFrom().item(Set.copyOf(known))
                : baselines.current(tenantId, s.picklistField(), known);
        return trusted.map(current -> all.stream().filter(member -> !current.contains(member))
                .collect(Collectors.toList()));
    }

    /** Reads the members' values (none to read: no call) and keeps them as their baselines. */
    private Uni<Map<String, String>> current(OrgCredentials org, String field, List<String> members) {
        if (members.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(org, field, members)
                .call(values -> baselines.read(org.tenantId(), field, values));
    }

    /** Current values by member; a member without a Contact yet has the empty value. */
    private Uni<Map<String, String>> read(OrgCredentials org, String field, List<String> members) {
        return mappings.contactMapping(org.tenantId())
                .chain(mapping -> Multi.createFrom().iterable(queries(mapping.externalIdField(), field, members))
                        .onItem().transformToMultiAndConcatenate(soql -> salesforce.query(org, soql))
                        .collect().asList()
                        .map(records -> byMember(records, mapping.externalIdField(), field, members)));
    }

    private static List<String> queries(String externalId, String field, List<String> members) {
        List<String> queries = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (String member : members) {
            if (in.length() > MAX_IN_LIST_CHARS) {
                queries.add(query(externalId, field, in));
                in.setLength(0);
            }
            in.append(in.length() == 0 ? "" : ",").append('\'')
                    .append(member.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        queries.add(query(externalId, field, in));
        return queries;
    }

    private static String query(String externalId, String field, CharSequence in) {
        return "SELECT Id, " + externalId + ", " + field + " FROM Contact WHERE " + externalId + " IN (" + in + ")";
    }

    private static Map<String, String> byMember(List<JsonNode> records, String externalId, String field,
            List<String> members) {
        Map<String, String> values = new HashMap<>();
        members.forEach(member -> values.put(member, ""));
        records.forEach(record -> values.put(record.path(externalId).asText(), record.path(field).asText("")));
        return values;
    }

    private Map<String, Extra> values(TagSettings s, List<ClaimedItem> tagged, Map<String, MemberLink> links,
            Map<String, String> current) {
        Map<String, Extra> extras = new HashMap<>();
        for (ClaimedItem item : tagged) {
            String base = current.containsKey(item.memberId()) ? current.get(item.memberId())
                    : lastWritten(links.get(item.memberId()), s.picklistField());
            PicklistValue next = PicklistValue.parse(base).apply(item.fields());
            boolean read = current.containsKey(item.memberId());
            if (read && java.util.Objects.equals(next.text(), PicklistValue.parse(base).text())) {
                continue; // Salesforce already holds exactly this: nothing to write
            }
            extras.put(item.memberId(), withinLimits(s.picklistField(), next, read));
        }
        return extras;
    }

    /** A value computed from one just read is sent if it differs from it, whatever was written before. */
    private Extra withinLimits(String field, PicklistValue value, boolean read) {
        if (value.count() > config.picklistMaxValues() || value.length() > config.picklistMaxLength()) {
            return Extra.refused("TAG_LIMIT_EXCEEDED", "Contact." + field + " would hold " + value.count()
                    + " values (" + value.length() + " characters); Salesforce allows " + config.picklistMaxValues()
                    + " values and " + config.picklistMaxLength() + " characters",
                    "Remove values of " + field + " this Contact no longer needs in Salesforce, or set the tag "
                            + "target to CUSTOM_OBJECT at /tag-settings; then retry this entry.");
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        values.put(field, value.text());
        return read ? Extra.checked(values) : Extra.of(values);
    }

    private static Map<String, Extra> refuseAll(TagSettings s, List<ClaimedItem> tagged, SalesforceException failure) {
        Map<String, Extra> extras = new HashMap<>();
        Extra refused = Extra.refused(failure.errorCode(), failure.getMessage(), "Contact has no field "
                + s.picklistField() + " the integration user can see: create it as a multi-select picklist on "
                + "Contact (values: the MemberPulse tags) with edit access for the integration user, or change "
                + "picklistField or target at /tag-settings; then retry this entry.");
        tagged.forEach(item -> extras.put(item.memberId(), refused));
        return extras;
    }

    private static String lastWritten(MemberLink link, String field) {
        if (link == null || !link.lastWritten().has(field)) {
            return null;
        }
        JsonNode value = link.lastWritten().get(field);
        return value.isNull() ? "" : value.asText();
    }
}
