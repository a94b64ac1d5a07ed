package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.mapping.MemberField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Contact rows of a Bulk API upsert under the tenant's mapping: one column per mapped field
 * (plus AccountId and the external id), a cell only where the rule lets MemberPulse write the field
 * (on create or on every change), empty elsewhere so Salesforce keeps its value. The features' extra
 * values ({@link ContactExtras}, e.g. the tag picklist) add their own columns, exactly as they add to a
 * Collections write; a member whose extra refuses the write, or diverts it (a Lead), gets no row.
 */
final class BulkRecords {

    final List<String> columns = new ArrayList<>();
    final List<Map<String, String>> rows = new ArrayList<>();
    /** The values each member's row writes, as stored in member_link (null for cleared fields). */
    final Map<String, ObjectNode> written = new LinkedHashMap<>();
    final Map<String, String> accountIds = new LinkedHashMap<>();
    /** Members left out: their extra's refusal or diversion, for the sync log. */
    final Map<String, ContactExtras.Extra> excluded = new LinkedHashMap<>();

    BulkRecords(ContactMapping mapping, List<MemberSnapshot> members, Map<String, MemberLink> links,
            Map<String, String> accounts, Map<String, ContactExtras.Extra> extras) {
        columns.add(mapping.externalIdField());
        for (FieldMapping field : mapping.fields()) {
            String column = column(mapping, field);
            if (column != null && !columns.contains(column)) {
                columns.add(column);
            }
        }
        extras.values().stream().filter(extra -> extra.values() != null)
                .forEach(extra -> extra.values().fieldNames().forEachRemaining(this::addColumn));
        for (MemberSnapshot member : members) {
            ContactExtras.Extra extra = extras.get(member.memberId());
            if (extra != null && (extra.errorCode() != null || extra.divertedTo() != null)) {
                excluded.put(member.memberId(), extra);
            } else {
                Map<String, String> row = row(mapping, member, links.get(member.memberId()) == null, accounts);
                withExtra(member.memberId(), row, extra);
                rows.add(row);
            }
        }
    }

    private void addColumn(String column) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
    }

    private void withExtra(String memberId, Map<String, String> row, ContactExtras.Extra extra) {
        if (extra == null) {
            return;
        }
        extra.values().fields().forEachRemaining(value -> {
            String text = value.getValue().isNull() ? null : value.getValue().asText();
            row.put(value.getKey(), text == null ? BulkCsv.NULL : text);
            written.get(memberId).put(value.getKey(), text);
        });
    }

    private Map<String, String> row(ContactMapping mapping, MemberSnapshot member, boolean creating,
            Map<String, String> accounts) {
        Map<String, String> row = new LinkedHashMap<>();
        columns.forEach(column -> row.put(column, ""));
        row.put(mapping.externalIdField(), member.memberId());
        ObjectNode values = PlannedChange.JSON.createObjectNode();
        for (FieldMapping field : mapping.fields()) {
            String column = column(mapping, field);
            boolean writes = creating ? field.rule().writesOnCreate() : field.rule().writesOnUpdate();
            if (column == null || !writes || !member.fields().has(field.memberPulseField().json())) {
                continue;
            }
            String value = valueOf(field, member, accounts);
            row.put(column, value == null ? BulkCsv.NULL : value);
            values.put(column, value);
            if (field.memberPulseField() == MemberField.COMPANY) {
                accountIds.put(member.memberId(), value);
            }
        }
        written.put(member.memberId(), values);
        return row;
    }

    private static String valueOf(FieldMapping field, MemberSnapshot member, Map<String, String> accounts) {
        if (field.memberPulseField() == MemberField.COMPANY) {
            String company = member.company();
            String id = company == null ? null : accounts.get(CompanyKeys.of(company));
            return id == null || id.isEmpty() ? null : id;
        }
        JsonNode value = member.fields().get(field.memberPulseField().json());
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String column(ContactMapping mapping, FieldMapping field) {
        switch (field.memberPulseField()) {
            case COMPANY:
                return "AccountId";
            case MEMBERSHIP_STATUS:
                return mapping.membershipStatusField();
            default:
                return field.salesforceField();
        }
    }
}
