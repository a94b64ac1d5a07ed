package io.memberpulse.salesforce.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies one Bulk API 2.0 CSV row: empty cells are left alone, {@code #N/A} sets null. */
final class BulkRows {

    private BulkRows() {
    }

    static ItemResult apply(EmulatedOrg org, WriteContext context, SObjectType type, Map<String, Object> job,
            List<String> header, List<String> row) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            if (!row.get(i).isEmpty()) {
                raw.put(header.get(i), row.get(i).equals("#N/A") ? null : row.get(i));
            }
        }
        try (OrgTransaction tx = org.begin(context)) {
            Map<String, Object> values = RecordDecoder.decode(type, raw);
            Object id = values.remove("Id");
            ItemResult result = run(tx, type, job, values, id == null ? null : id.toString());
            if (result.success()) {
                tx.commit();
            }
            return result;
        } catch (ApiException e) {
            return ItemResult.failed(null, e.errors());
        }
    }

    private static ItemResult run(OrgTransaction tx, SObjectType type, Map<String, Object> job,
            Map<String, Object> values, String id) {
        switch (String.valueOf(job.get("operation"))) {
            case "insert":
                return tx.create(type, values);
            case "update":
                return tx.update(type, HttpSupport.orEmpty(id), values);
            case "delete":
            case "hardDelete":
                return tx.delete(HttpSupport.orEmpty(id));
            case "upsert":
                Field ext = type.find(String.valueOf(job.get("externalIdFieldName"))).orElseThrow();
                ItemResult r = tx.upsert(type, ext, values.get(ext.name()), values);
                return r.matchIds().isEmpty() ? r : ItemResult.failed(null, ApiError.of("DUPLICATE_EXTERNAL_ID",
                        ext.name() + ": more than one record found for external id field: " + r.matchIds()));
            default:
                return ItemResult.failed(null, ApiError.of("INVALID_OPERATION", "Invalid operation"));
        }
    }

    /** {@code CODE:message:fields --}, the sf__Error shape. */
    static String error(ItemResult result) {
        ApiError e = result.errors().get(0);
        return e.code() + ":" + e.message() + ":" + String.join(",", e.fields()) + " --";
    }
}
