package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every API request, in arrival order; thread-safe, resettable between tests. */
public final class CallLog {

    private final ConcurrentLinkedQueue<CallRecord> calls = new ConcurrentLinkedQueue<>();

    void add(CallRecord call) {
        calls.add(call);
    }

    public List<CallRecord> calls() {
        return new ArrayList<>(calls);
    }

    public List<CallRecord> calls(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).collect(Collectors.toList());
    }

    /** Calls of a kind, e.g. {@code count("collections.upsert")}. */
    public long count(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).count();
    }

    public long count(Predicate<CallRecord> filter) {
        return calls.stream().filter(filter).count();
    }

    /** Kind prefix count, e.g. {@code countPrefix("collections.")}. */
    public long countPrefix(String kindPrefix) {
        return calls.stream().filter(c -> c.kind().startsWith(kindPrefix)).count();
    }

    /** Record counts of the calls of a kind, in order: the batch sizes the client used. */
    public List<Integer> batchSizes(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).map(CallRecord::recordCount)
                .collect(Collectors.toList());
    }

    public void reset() {
        calls.clear();
    }
}
