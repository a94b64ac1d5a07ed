package io.memberpulse.salesforce.emulator;

import java.util.Map;

/** A REST answer: status, JSON body (null for none), extra headers, and records it carried. */
record ApiResponse(int status, Object body, Map<String, String> headers, int recordCount) {

    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of(), 0);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of(), 0);
    }

    ApiResponse withRecordCount(int count) {
        return new ApiResponse(status, body, headers, count);
    }
}
