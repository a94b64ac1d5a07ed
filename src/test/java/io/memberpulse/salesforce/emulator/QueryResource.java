package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /query} and {@code /queryAll} with paging through {@code nextRecordsUrl}
 * ({@code /services/data/vNN.0/query/01g...-2000}, samples 8a/8b). Page size: the
 * {@code Sforce-Query-Options: batchSize=} header (200..2000), capped by the emulator's setting.
 */
final class QueryResource {

    /** Rows of a query being paged through; the whole result is computed up front. */
    private record Cursor(String orgId, String version, List<Map<String, Object>> rows, int batchSize) {
    }

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private volatile int maxBatchSize = 2000;

    void setMaxBatchSize(int size) {
        this.maxBatchSize = size;
    }

    void reset() {
        cursors.clear();
        maxBatchSize = 2000;
    }

    ApiResponse handle(ApiRequest req) {
        if (req.segments().size() == 2) {
            return more(req, req.segment(1));
        }
        String q = req.params().get("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
        }
        SoqlQuery query = SoqlParser.parse(q, req.org().schema());
        QueryEngine engine = new QueryEngine(req.org().store(), req.prefix());
        List<StoredRecord> records = engine.run(query, req.segment(0).equals("queryAll"));
        if (query.count()) {
            return ApiResponse.of(200, QueryEngine.page(records.size(), true, null, List.of()));
        }
        List<Map<String, Object>> rows = records.stream().map(r -> engine.render(query, r)).toList();
        Cursor cursor = new Cursor(req.org().orgId(), req.version(), rows, batchSize(req));
        return page(req, SalesforceIds.newId("01g"), cursor, 0);
    }

    private ApiResponse more(ApiRequest req, String locatorAndOffset) {
        int dash = locatorAndOffset.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(locatorAndOffset.substring(0, dash));
        if (cursor == null || !cursor.orgId().equals(req.org().orgId())) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int offset = Integer.parseInt(locatorAndOffset.substring(dash + 1));
        return page(req, locatorAndOffset.substring(0, dash), cursor, offset);
    }

    private ApiResponse page(ApiRequest req, String locator, Cursor cursor, int offset) {
        int total = cursor.rows().size();
        int end = Math.min(total, offset + cursor.batchSize());
        boolean done = end >= total;
        String next = null;
        if (done) {
            cursors.remove(locator);
        } else {
            cursors.put(locator, cursor);
            next = "/services/data/v" + cursor.version() + "/query/" + locator + "-" + end;
        }
        List<Map<String, Object>> rows = cursor.rows().subList(Math.min(offset, total), end);
        return ApiResponse.of(200, QueryEngine.page(total, done, next, rows)).withRecordCount(rows.size());
    }

    private int batchSize(ApiRequest req) {
        int size = 2000;
        String options = req.headers().get("sforce-query-options");
        if (options != null && options.contains("batchSize=")) {
            String value = options.substring(options.indexOf("batchSize=") + 10).split("[,;\\s]")[0];
            size = Math.max(200, Math.min(2000, Integer.parseInt(value)));
        }
        return Math.min(size, maxBatchSize);
    }
}
