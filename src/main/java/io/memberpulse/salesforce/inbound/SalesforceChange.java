package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One change to Salesforce records, whatever carried it (CDC, Outbound Message, catch-up): the
 * common input of {@link InboundApplier}.
 *
 * @param objectType    the sObject type, {@code Contact} or {@code Lead}
 * @param kind          what happened
 * @param recordIds     the 18-character ids the change applies to (CDC may name several)
 * @param values        field values by Salesforce API name, flattened (CDC's compound {@code Name}
 *                      becomes {@code FirstName}/{@code LastName}); a JSON null clears the field
 *                      (CDC {@code nulledFields}). For a CDC update: only the changed fields.
 * @param fullRecord    true when {@code values} hold the whole current record (catch-up, Outbound
 *                      Message, gap fetch), so absent fields mean "not selected", never "cleared"
 * @param changedAt     when Salesforce committed it: CDC {@code commitTimestamp}, else
 *                      {@code SystemModstamp}
 * @param changeOrigin  CDC {@code changeOrigin} (e.g. {@code com/salesforce/api/rest/62.0;client=x}),
 *                      null when unknown; the applier drops the service's own writes by it
 * @param masterRecordId for a DELETE caused by a merge: the winning record's id, else null
 * @param source        how it arrived
 * @param sourceKey     the carrier's own id (replay id, notification id, ...) for logs and for
 *                      deriving stable delivery ids
 */
public record SalesforceChange(
        String objectType,
        ChangeKind kind,
        List<String> recordIds,
        ObjectNode values,
        boolean fullRecord,
        Instant changedAt,
        String changeOrigin,
        String masterRecordId,
        ChangeSource source,
        String sourceKey) {
}
