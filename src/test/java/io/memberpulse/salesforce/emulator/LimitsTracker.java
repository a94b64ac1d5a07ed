package io.memberpulse.salesforce.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An org's daily API allocation (reference §2.6): counts calls, caps them, reports {@code /limits}. */
public final class LimitsTracker {

    /** Developer Edition's daily allocation, as in sample 4. */
    public static final int DEFAULT_DAILY_MAX = 15_000;

    private final AtomicInteger used = new AtomicInteger();
    private volatile int dailyMax = DEFAULT_DAILY_MAX;

    /** Counts one call unless the allocation is used up; false means REQUEST_LIMIT_EXCEEDED. */
    public boolean tryAcquire() {
        while (true) {
            int current = used.get();
            if (current >= dailyMax) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public int used() {
        return used.get();
    }

    public int dailyMax() {
        return dailyMax;
    }

    public void setDailyMax(int max) {
        this.dailyMax = max;
    }

    /** Pretends {@code count} calls were already made today. */
    public void setUsed(int count) {
        used.set(count);
    }

    public void reset() {
        used.set(0);
        dailyMax = DEFAULT_DAILY_MAX;
    }

    /** The {@code Sforce-Limit-Info} header value. */
    public String header() {
        return "api-usage=" + used.get() + "/" + dailyMax;
    }

    /** The {@code /limits} body: DailyApiRequests consistent with the header, the rest fixed. */
    public Map<String, Object> limitsJson() {
        int max = dailyMax;
        return Json.obj(
                "ConcurrentAsyncGetReportInstances", maxRemaining(200, 200),
                "ConcurrentSyncReportRuns", maxRemaining(20, 20),
                "DailyApiRequests", maxRemaining(max, Math.max(0, max - used.get())),
                "DailyAsyncApexExecutions", maxRemaining(250000, 250000),
                "DailyBulkApiBatches", maxRemaining(15000, 15000),
                "DailyBulkV2QueryFileStorageMB", maxRemaining(976562, 976562),
                "DailyBulkV2QueryJobs", maxRemaining(10000, 10000),
                "DailyDeliveredPlatformEvents", maxRemaining(50000, 50000),
                "DailyDurableStreamingApiEvents", maxRemaining(10000, 10000),
                "DailyStreamingApiEvents", maxRemaining(10000, 10000),
                "DataStorageMB", maxRemaining(5, 5),
                "DurableStreamingApiConcurrentClients", maxRemaining(20, 20),
                "FileStorageMB", maxRemaining(20, 20),
                "HourlyPublishedPlatformEvents", maxRemaining(50000, 50000),
                "HourlyPublishedStandardVolumePlatformEvents", maxRemaining(1000, 1000),
                "StreamingApiConcurrentClients", maxRemaining(20, 20));
    }

    private static Map<String, Object> maxRemaining(int max, int remaining) {
        return Json.obj("Max", max, "Remaining", remaining);
    }
}
