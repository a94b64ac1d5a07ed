package io.memberpulse.salesforce.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * One API request as the emulator saw it.
 *
 * @param kind e.g. {@code oauth.token}, {@code sobject.upsert}, {@code collections.upsert}, {@code query}
 * @param orgId the org the caller authenticated as (null when unknown)
 * @param headers request headers, names lower-cased
 * @param recordCount records in a collections/bulk request body (0 otherwise)
 * @param callOptions the {@code Sforce-Call-Options} header (null when absent)
 */
public record CallRecord(Instant at, String kind, String method, String path, String query,
        Map<String, String> headers, String orgId, int recordCount, int status, String callOptions) {
}
