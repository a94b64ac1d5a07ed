package io.memberpulse.salesforce.emulator;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code /sobjects/...}: describe, CRUD by id, get and upsert by external id (reference §2.1-2.2). */
final class SObjectsResource {

    private SObjectsResource() {
    }

    static ApiResponse handle(ApiRequest req) {
        if (req.segments().size() == 1) {
            return ApiResponse.of(200, DescribeJson.global(req.prefix(), req.org().schema()));
        }
        SObjectType type = req.type(req.segment(1));
        switch (req.segments().size()) {
            case 2:
                if (req.method().equals("POST")) {
                    return create(req, type);
                }
                return ApiResponse.of(200, Json.obj("objectDescribe", DescribeJson.basic(req.prefix(), type),
                        "recentItems", List.of()));
            case 3:
                if (req.segment(2).equals("describe")) {
                    return ApiResponse.of(200, DescribeJson.describe(req.prefix(), type));
                }
                return byId(req, type, req.segment(2));
            case 4:
                return byExternalId(req, type, req.segment(2), req.segment(3));
            default:
                throw ApiException.notFound();
        }
    }

    private static ApiResponse create(ApiRequest req, SObjectType type) {
        Map<String, Object> values = RecordDecoder.decode(type, body(req));
        try (OrgTransaction tx = req.org().begin(req.writeContext())) {
            ItemResult result = tx.create(type, values);
            if (!result.success()) {
                throw new ApiException(400, result.errors());
            }
            tx.commit();
            return ApiResponse.of(201, Json.obj("id", result.id(), "errors", List.of(), "success", true))
                    .withRecordCount(1);
        }
    }

    private static ApiResponse byId(ApiRequest req, SObjectType type, String id) {
        StoredRecord record = findOrFail(req, type, id);
        switch (req.method()) {
            case "GET":
                String fields = req.params().get("fields");
                return ApiResponse.of(200, RecordJson.render(req.prefix(), type, record,
                        fields == null ? null : Arrays.asList(fields.split(","))));
            case "PATCH":
                return write(req, tx -> tx.update(type, record.id(), RecordDecoder.decode(type, body(req))), 204);
            case "DELETE":
                return write(req, tx -> tx.delete(record.id()), 204);
            default:
                throw methodNotAllowed(req.method());
        }
    }

    private static ApiResponse byExternalId(ApiRequest req, SObjectType type, String fieldName, String value) {
        Field field = type.find(fieldName).filter(f -> f.externalId() || f.name().equals("Id"))
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: " + fieldName));
        if (req.method().equals("PATCH")) {
            return upsert(req, type, field, value);
        }
        List<StoredRecord> matches = req.org().store().findBy(type.name(), field.name(), value);
        if (matches.size() > 1) {
            return multipleChoices(req, type, matches.stream().map(StoredRecord::id).toList());
        }
        if (matches.isEmpty()) {
            throw ApiException.notFound();
        }
        if (req.method().equals("DELETE")) {
            return write(req, tx -> tx.delete(matches.get(0).id()), 204);
        }
        return ApiResponse.of(200, RecordJson.render(req.prefix(), type, matches.get(0), null));
    }

    private static ApiResponse upsert(ApiRequest req, SObjectType type, Field field, String value) {
        Map<String, Object> values = RecordDecoder.decode(type, body(req));
        try (OrgTransaction tx = req.org().begin(req.writeContext())) {
            Object key = RecordDecoder.coerce(field, value);
            ItemResult result = tx.upsert(type, field, key, values);
            if (!result.matchIds().isEmpty()) {
                return multipleChoices(req, type, result.matchIds());
            }
            if (!result.success()) {
                throw new ApiException(400, result.errors());
            }
            tx.commit();
            if (!result.created() && req.versionNumber() < 46.0) {
                return ApiResponse.noContent().withRecordCount(1);
            }
            return ApiResponse.of(result.created() ? 201 : 200, Json.obj("id", result.id(), "errors", List.of(),
                    "success", true, "created", result.created())).withRecordCount(1);
        }
    }

    private static ApiResponse write(ApiRequest req, java.util.function.Function<OrgTransaction, ItemResult> op,
            int status) {
        try (OrgTransaction tx = req.org().begin(req.writeContext())) {
            ItemResult result = op.apply(tx);
            if (!result.success()) {
                throw new ApiException(400, result.errors());
            }
            tx.commit();
            return ApiResponse.noContent().withRecordCount(1);
        }
    }

    private static StoredRecord findOrFail(ApiRequest req, SObjectType type, String id) {
        if (!SalesforceIds.isWellFormed(id) || !SalesforceIds.prefix(id).equals(type.keyPrefix())) {
            throw new ApiException(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: "
                    + id);
        }
        StoredRecord record = req.org().store().find(id).orElseThrow(ApiException::notFound);
        if (record.isDeleted()) {
            throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
        return record;
    }

    private static ApiResponse multipleChoices(ApiRequest req, SObjectType type, List<String> ids) {
        return ApiResponse.of(300, ids.stream().map(id -> req.prefix() + "/sobjects/" + type.name() + "/" + id)
                .toList());
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method
                + "' not allowed. Allowed are GET,PATCH,DELETE");
    }

    static Map<String, Object> body(ApiRequest req) {
        try {
            return Json.readObject(req.body());
        } catch (IOException e) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body is not valid JSON: "
                    + e.getMessage().split("\n")[0]);
        }
    }
}
