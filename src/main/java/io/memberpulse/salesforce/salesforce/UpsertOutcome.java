package io.memberpulse.salesforce.salesforce;

import java.util.List;

/**
 * The outcome of a single upsert by external id: the record's id and whether it was created, or,
 * when several records share the external id (HTTP 300), their ids and nothing written.
 */
public record UpsertOutcome(String id, boolean created, List<String> ambiguousIds) {

    public boolean isAmbiguous() {
        return !ambiguousIds.isEmpty();
    }
}
