package io.memberpulse.salesforce.emulator;

/** Bulk API 2.0 ingest (reference §2.8). */
final class BulkIngestResource {

    ApiResponse handle(ApiRequest req) {
        throw ApiException.notFound();
    }

    void reset() {
    }
}
