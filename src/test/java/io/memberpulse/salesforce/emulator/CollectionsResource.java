package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * sObject Collections {@code /composite/sobjects} (reference §2.3, samples 5-6): HTTP 200 with one
 * result per record in request order, {@code statusCode} in errors, allOrNone rollback, 200 max.
 */
final class CollectionsResource {

    static final int MAX_RECORDS = 200;
    static final ApiError ROLLED_BACK = ApiError.of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using AllOrNone header");

    /** A decoded record of the request: its object and values, or the error found while reading it. */
    private record Item(SObjectType type, Map<String, Object> values, String id, ApiError error) {
    }

    private CollectionsResource() {
    }

    static ApiResponse handle(ApiRequest req) {
        int size = req.segments().size();
        if (size == 2 && req.method().equals("POST")) {
            return save(req, false, CollectionsResource::create);
        }
        if (size == 2 && req.method().equals("PATCH")) {
            return save(req, true, CollectionsResource::update);
        }
        if (size == 2 && req.method().equals("DELETE")) {
            return delete(req);
        }
        if (size == 3 && (req.method().equals("GET") || req.method().equals("POST"))) {
            return retrieve(req, req.type(req.segment(2)));
        }
        if (size == 4 && req.method().equals("PATCH")) {
            SObjectType type = req.type(req.segment(2));
            Field field = type.find(req.segment(3)).filter(Field::externalId)
                    .orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", "Field name provided, "
                            + req.segment(3) + " is not an External ID or indexed field for " + type.name()));
            return save(req, false, (tx, item) -> upsert(tx, item, type, field));
        }
        throw ApiException.notFound();
    }

    private static ApiResponse save(ApiRequest req, boolean keepIdOnFailure,
            BiFunction<OrgTransaction, Item, ItemResult> op) {
        Map<String, Object> body = SObjectsResource.body(req);
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        List<Item> items = items(req, body.get("records"));
        List<ItemResult> results = new ArrayList<>();
        try (OrgTransaction tx = req.org().begin(req.writeContext())) {
            for (Item item : items) {
                results.add(item.error() != null ? ItemResult.failed(item.id(), item.error()) : op.apply(tx, item));
            }
            boolean anyFailed = results.stream().anyMatch(r -> !r.errors().isEmpty());
            if (allOrNone && anyFailed) {
                tx.rollback();
                results.replaceAll(r -> r.errors().isEmpty()
                        ? ItemResult.failed(keepIdOnFailure ? r.id() : null, ROLLED_BACK) : r);
            } else {
                tx.commit();
            }
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (ItemResult r : results) {
            boolean rolledBack = r.errors().contains(ROLLED_BACK);
            json.add((r.success() || rolledBack ? r : ItemResult.failed(null, r.errors())).collectionJson());
        }
        return ApiResponse.of(200, json).withRecordCount(items.size());
    }

    private static ItemResult create(OrgTransaction tx, Item item) {
        if (item.id() != null) {
            return ItemResult.failed(null, ApiError.of("INVALID_FIELD",
                    "The Id field should not be specified in the sobject data."));
        }
        return tx.create(item.type(), item.values());
    }

    private static ItemResult update(OrgTransaction tx, Item item) {
        if (item.id() == null) {
            return ItemResult.failed(null, ApiError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        }
        return tx.update(item.type(), item.id(), item.values());
    }

    private static ItemResult upsert(OrgTransaction tx, Item item, SObjectType type, Field field) {
        Object key = item.values().get(field.name());
        if (key == null) {
            return ItemResult.failed(null, ApiError.of("MISSING_ARGUMENT", field.name() + " not specified"));
        }
        ItemResult result = tx.upsert(type, field, key, item.values());
        if (!result.matchIds().isEmpty()) {
            return ItemResult.failed(null, ApiError.of("DUPLICATE_EXTERNAL_ID", field.name()
                    + ": more than one record found for external id field: " + result.matchIds()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Item> items(ApiRequest req, Object records) {
        if (!(records instanceof List)) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Records are required");
        }
        List<Object> list = (List<Object>) records;
        checkSize(list.size());
        List<Item> items = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> record = (Map<String, Object>) o;
            Object attributes = record.get("attributes");
            Object typeName = attributes instanceof Map ? ((Map<String, Object>) attributes).get("type") : null;
            if (typeName == null) {
                throw ApiException.badRequest("INVALID_TYPE", "Must send a concrete entity type.");
            }
            SObjectType type = req.org().schema().find(typeName.toString()).orElseThrow(() -> ApiException.badRequest(
                    "INVALID_TYPE", "sObject type '" + typeName + "' is not supported."));
            Map<String, Object> values = RecordDecoder.decode(type, record);
            Object id = values.remove("Id");
            items.add(new Item(type, values, id == null ? null : id.toString(), idError(type, id)));
        }
        return items;
    }

    private static ApiError idError(SObjectType type, Object id) {
        if (id == null) {
            return null;
        }
        String value = id.toString();
        if (SalesforceIds.isWellFormed(value) && SalesforceIds.prefix(value).equals(type.keyPrefix())) {
            return null;
        }
        return ApiError.of("MALFORMED_ID", type.label() + " ID: id value of incorrect type: " + value, "Id");
    }

    private static ApiResponse delete(ApiRequest req) {
        List<String> ids = Arrays.stream(req.params().getOrDefault("ids", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        checkSize(ids.size());
        boolean allOrNone = Boolean.parseBoolean(req.params().get("allOrNone"));
        List<ItemResult> results = new ArrayList<>();
        try (OrgTransaction tx = req.org().begin(req.writeContext())) {
            ids.forEach(id -> results.add(tx.delete(id)));
            if (allOrNone && results.stream().anyMatch(r -> !r.success())) {
                tx.rollback();
                results.replaceAll(r -> r.success() ? ItemResult.failed(r.id(), ROLLED_BACK) : r);
            } else {
                tx.commit();
            }
        }
        return ApiResponse.of(200, results.stream().map(ItemResult::collectionJson).toList())
                .withRecordCount(ids.size());
    }

    @SuppressWarnings("unchecked")
    private static ApiResponse retrieve(ApiRequest req, SObjectType type) {
        List<String> ids;
        List<String> fields;
        if (req.method().equals("POST")) {
            Map<String, Object> body = SObjectsResource.body(req);
            ids = (List<String>) body.getOrDefault("ids", List.of());
            fields = (List<String>) body.getOrDefault("fields", List.of());
        } else {
            ids = Arrays.asList(req.params().getOrDefault("ids", "").split(","));
            fields = Arrays.asList(req.params().getOrDefault("fields", "Id").split(","));
        }
        checkSize(ids.size());
        List<Object> records = new ArrayList<>();
        for (String id : ids) {
            records.add(req.org().store().find(id.trim()).filter(r -> !r.isDeleted())
                    .filter(r -> r.type().equals(type.name()))
                    .map(r -> (Object) RecordJson.render(req.prefix(), type, r, fields)).orElse(null));
        }
        return ApiResponse.of(200, records).withRecordCount(ids.size());
    }

    private static void checkSize(int size) {
        if (size > MAX_RECORDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT",
                    "Record limit reached. Cannot submit more than 200 records into this call");
        }
    }
}
