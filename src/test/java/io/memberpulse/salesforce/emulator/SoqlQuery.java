package io.memberpulse.salesforce.emulator;

import java.util.List;

/**
 * A parsed SOQL query: the subset a sync service uses.
 *
 * @param count true for {@code SELECT COUNT()}
 * @param where null when the query has no WHERE clause
 * @param limit null when absent
 */
record SoqlQuery(SObjectType from, List<FieldPath> fields, boolean count, SoqlCondition where,
        List<Order> orderBy, Integer limit, Integer offset) {

    /** A selected or filtered field, possibly through relationships ({@code Account.Name}). */
    record FieldPath(List<Field> relationships, Field field) {

        /** The path as Salesforce names it, with declared casing. */
        String name() {
            StringBuilder sb = new StringBuilder();
            relationships.forEach(r -> sb.append(r.relationshipName()).append('.'));
            return sb.append(field.name()).toString();
        }
    }

    record Order(FieldPath path, boolean descending, boolean nullsLast) {
    }
}
