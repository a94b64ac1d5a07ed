package io.memberpulse.salesforce.salesforce;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each tenant's API usage as Salesforce last reported it in {@code Sforce-Limit-Info:
 * api-usage=used/max} (24-hour rolling window), without spending a call on {@code /limits}.
 */
@ApplicationScoped
public class ApiUsage {

    static final String HEADER = "Sforce-Limit-Info";
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    /** Usage of one org at one moment. */
    public record Figure(long used, long max, Instant seenAt) {
        public double share() {
            return max == 0 ? 0 : (double) used / max;
        }
    }

    private final Map<String, Figure> byTenant = new ConcurrentHashMap<>();

    void record(String tenantId, String header) {
        if (header == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(header);
        if (matcher.find()) {
            byTenant.put(tenantId, new Figure(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Instant.now()));
        }
    }

    public Optional<Figure> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }
}
