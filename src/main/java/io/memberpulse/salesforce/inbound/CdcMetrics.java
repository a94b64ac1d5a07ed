package io.memberpulse.salesforce.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Streaming metrics: {@code memberpulse.inbound.events.received} and {@code .applied} per channel,
 * {@code memberpulse.inbound.reconnects} per reason. Echo drops are counted by the applier.
 */
@ApplicationScoped
class CdcMetrics {

    private final MeterRegistry registry;

    CdcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String channel) {
        counter("memberpulse.inbound.events.received", "channel", channel).increment();
    }

    void applied(String channel, int events) {
        counter("memberpulse.inbound.events.applied", "channel", channel).increment(events);
    }

    void reconnect(String reason) {
        counter("memberpulse.inbound.reconnects", "reason", reason).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
